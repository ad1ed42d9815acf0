// One QR code maker for the app: the sign-in screen, the requisition's issue page and the
// machine card. The encoder is loaded on the first code drawn, not when the server starts
// (issue 11: start on existing data).

type QrEncoder = typeof import('qrcode');
let encoder: Promise<QrEncoder> | undefined;

/** An SVG QR code for `text` (error correction M; margin in modules). */
export async function qrSvg(text: string, margin = 1): Promise<string> {
  encoder ??= import('qrcode').then((m) => ((m as { default?: QrEncoder }).default ?? m) as QrEncoder);
  return (await encoder).toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin });
}
