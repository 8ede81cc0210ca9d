-- Response templates (issue #18): the standard messages staff choose from when they take a step.
CREATE TABLE response_templates (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    -- NULL: offered for reports of every category.
    category_id TEXT REFERENCES categories(id),
    title TEXT NOT NULL,
    text_id TEXT NOT NULL,
    text_en TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX response_templates_action ON response_templates(action, category_id);
