package tables

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// InsertSQL is a statement that inserts the record rec (JSON, its id included) with its
// values written out as SQL literals in d, stored as Store stores them: an ejected
// project's seed migration is made of these.
func (t *Table) InsertSQL(d Dialect, rec []byte) (string, error) {
	args, err := t.args(rec, true)
	if err != nil {
		return "", err
	}
	names := make([]string, len(t.Columns))
	vals := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = Quote(c.column())
		vals[i] = d.literal(c, args[i])
	}
	return fmt.Sprintf("INSERT INTO %s (%s)\nVALUES (%s);\n", Quote(t.Name), strings.Join(names, ", "), strings.Join(vals, ", ")), nil
}

// literal writes a bound value of c as an SQL literal in d.
func (d Dialect) literal(c Column, v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case int64:
		if c.Kind == contract.KindBool && d == Postgres {
			return strings.ToUpper(strconv.FormatBool(v != 0))
		}
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if d == Postgres {
			return s + "::DOUBLE PRECISION"
		}
		return s
	case string:
		if d == SQLite && strings.ContainsRune(v, 0) {
			// SQLite's parser ends a statement's text at a NUL: the string goes as its
			// UTF-8 bytes.
			return fmt.Sprintf("CAST(X'%x' AS TEXT)", v)
		}
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return "NULL"
}
