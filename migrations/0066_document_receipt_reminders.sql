-- Issue 14 item 8: those who have not acknowledged an issued document are reminded once a day;
-- the last reminder is kept on the receipt so two app servers never send it twice.
alter table document_receipts add column reminded_at timestamptz;
create index document_receipts_pending_idx on document_receipts (issued_at) where acknowledged_at is null;
