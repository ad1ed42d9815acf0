/**
 * What a client receives for a server type: the JSON serialiser writes every `Date` as its ISO
 * string. The web imports the contract types through this (`Wire<MeetingDetail>`), so a page
 * reads `startsAt` as the string it really gets.
 */
export type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
