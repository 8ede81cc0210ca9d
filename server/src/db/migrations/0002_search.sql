-- Full-text search over public reports only: confidential text is never indexed, so a search cannot reveal it.
CREATE VIRTUAL TABLE reports_fts USING fts5(title, body, content='reports', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports WHEN new.confidential = 0 BEGIN
    INSERT INTO reports_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
