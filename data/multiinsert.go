package data

import (
	"context"
	"database/sql"
	"strings"
)

// multiInsert inserts rows into one table with statements of 1, 2, 4 ... maxMultiRows
// rows each, prepared when first needed.
type multiInsert struct {
	tx     *sql.Tx
	target string // table (columns)
	cols   int
	tail   string // SQL of values every row ends with, after its cols bound values ("" for none)
	stmts  map[int]*sql.Stmt
}

// maxMultiRows is the largest number of rows one statement inserts.
const maxMultiRows = 256

func newMultiInsert(tx *sql.Tx, target string, cols int) *multiInsert {
	return &multiInsert{tx: tx, target: target, cols: cols, stmts: map[int]*sql.Stmt{}}
}

// exec inserts the rows whose values args holds one after another.
func (m *multiInsert) exec(ctx context.Context, args []any) error {
	rows := len(args) / m.cols
	for rows > 0 {
		n := maxMultiRows
		for n > rows {
			n /= 2
		}
		st, err := m.stmt(ctx, n)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, args[:n*m.cols]...); err != nil {
			return err
		}
		args = args[n*m.cols:]
		rows -= n
	}
	return nil
}

func (m *multiInsert) stmt(ctx context.Context, rows int) (*sql.Stmt, error) {
	if st, ok := m.stmts[rows]; ok {
		return st, nil
	}
	row := "(?" + strings.Repeat(", ?", m.cols-1) + m.tail + ")"
	q := "INSERT INTO " + m.target + " VALUES " + row + strings.Repeat(", "+row, rows-1)
	st, err := m.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	m.stmts[rows] = st
	return st, nil
}

func (m *multiInsert) close() {
	for _, st := range m.stmts {
		st.Close()
	}
}
