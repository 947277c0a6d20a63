-- Case schema 5: CJK text (Han, kana, Hangul) is indexed a character a token, so that a
-- search finds it anywhere inside a run (普京 inside 金正恩与普京会面) as the PostgreSQL
-- store does. The full-text rows that hold CJK text are written again by the migration's
-- Go step (respaceCJK in fulltext.go), in this migration's transaction.
SELECT 1;
