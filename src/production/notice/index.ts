export { prodNotices, prodTransfers } from './notice.schema';
export type { NoticeRow, NoticeState } from './notice.schema';
export { missingNoticeFields, normaliseNoticeNumber } from './notice.rules';
export { createNotice, findNotices, getNotice, issueNotice, noticeLink, recordTransfer, setNoticeState, updateNotice } from './notice.service';
export type { NoticeInput, TransferInput } from './notice.service';
export { noticeRoutes } from './notice.routes';
