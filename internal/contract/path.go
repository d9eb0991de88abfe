package contract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Step is one step of a body path: an object key, or an array index when Index >= 0. A
// step written as a bare number (items.0) has both, and takes whichever the document
// holds there.
type Step struct {
	Key   string
	Index int
}

var (
	stepRE  = regexp.MustCompile(`^([^.\[\]]*)((?:\[[0-9]+\])*)$`)
	indexRE = regexp.MustCompile(`\[([0-9]+)\]`)
)

// ParseBodyPath reads the path of a `body.` condition after "body.": keys separated by
// dots, with [n] (or .n) for array items, as in user.tags[0].name.
func ParseBodyPath(path string) ([]Step, error) {
	if path == "" {
		return nil, fmt.Errorf("the path after body. is empty; write e.g. body.user")
	}
	var steps []Step
	for _, part := range strings.Split(path, ".") {
		m := stepRE.FindStringSubmatch(part)
		if m == nil || (m[1] == "" && m[2] == "") {
			return nil, fmt.Errorf("%q is not a valid step; write keys separated by dots, with [n] for array items", part)
		}
		if m[1] != "" {
			if n, err := strconv.Atoi(m[1]); err == nil && n >= 0 && m[1] == strconv.Itoa(n) {
				steps = append(steps, Step{Key: m[1], Index: n})
			} else {
				steps = append(steps, Step{Key: m[1], Index: -1})
			}
		}
		for _, idx := range indexRE.FindAllStringSubmatch(m[2], -1) {
			n, err := strconv.Atoi(idx[1])
			if err != nil {
				return nil, fmt.Errorf("index [%s] is too large", idx[1])
			}
			steps = append(steps, Step{Index: n})
		}
	}
	return steps, nil
}

// Walk follows steps into a decoded document. It reports false when the document holds
// nothing there.
func Walk(doc any, steps []Step) (any, bool) {
	cur := doc
	for _, st := range steps {
		switch node := cur.(type) {
		case map[string]any:
			if st.Key == "" {
				return nil, false // [n] asks for an array item, not a key
			}
			v, ok := node[st.Key]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			if st.Index < 0 || st.Index >= len(node) {
				return nil, false
			}
			cur = node[st.Index]
		default:
			return nil, false
		}
	}
	return cur, true
}

var plainKeyRE = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$-]*$`)

// KeyPath appends an object key to a path for messages: body.user, or body["odd key"]
// when the key needs quotes to be read back.
func KeyPath(path, key string) string {
	if plainKeyRE.MatchString(key) {
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// MuxPattern turns a method and a spec path into a net/http ServeMux pattern. A trailing
// slash in a spec means that exact path, never a prefix, so it becomes "{$}".
func MuxPattern(method, path string) string {
	if len(path) > 1 && path[len(path)-1] == '/' {
		path += "{$}"
	} else if path == "/" {
		path = "/{$}"
	}
	return method + " " + path
}
