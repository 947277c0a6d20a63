package pgtest

import (
	"context"
	"testing"
)

func TestMain(m *testing.M) { Main(m) }

// TestClusterIsUTF8 checks the cluster the tests run against: UTF-8 with a UTF-8 locale
// (with locale C, pg_trgm makes no trigrams for Cyrillic or Chinese), with pg_trgm and
// btree_gist available.
func TestClusterIsUTF8(t *testing.T) {
	c := Connect(t, "", "")
	var enc, ctype string
	if err := c.QueryRow(context.Background(),
		"SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()").Scan(&enc, &ctype); err != nil {
		t.Fatal(err)
	}
	if enc != "UTF8" || ctype != "C.UTF-8" {
		t.Errorf("test cluster is %s with LC_CTYPE %s, want UTF8 and C.UTF-8", enc, ctype)
	}
	var n int
	if err := c.QueryRow(context.Background(),
		"SELECT count(*) FROM pg_available_extensions WHERE name IN ('pg_trgm', 'btree_gist')").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("pg_trgm and btree_gist: %d of 2 available", n)
	}
}
