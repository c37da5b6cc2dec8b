-- The modification time a document had when it was read, so that ingest can skip reading a
-- file whose size and modification time are unchanged. NULL for documents stored before.
ALTER TABLE documents ADD COLUMN modified_at TIMESTAMP;
