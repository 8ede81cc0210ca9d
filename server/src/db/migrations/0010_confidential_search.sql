-- Staff search the words of confidential reports too (a corruption report is as likely to be looked for by its
-- words as any other), in an index of their own: the public index keeps never holding them (migration 0002), and
-- no public route reads this one. A correction moves a report between the two (db::staff_corrections).
CREATE VIRTUAL TABLE reports_confidential_fts USING fts5(title, body, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER reports_confidential_fts_insert AFTER INSERT ON reports WHEN new.confidential = 1 BEGIN
    INSERT INTO reports_confidential_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
INSERT INTO reports_confidential_fts(rowid, title, body) SELECT id, title, body FROM reports WHERE confidential = 1;
