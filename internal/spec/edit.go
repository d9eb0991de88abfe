package spec

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// AppendEndpoint adds an endpoint to a spec's text, after the last one, and leaves every
// other byte as it was: comments, order and formatting. block is the endpoint as YAML,
// its name indented by two spaces and the rest below it; it is indented to match the
// spec's own endpoints. The result is not validated; Parse it before saving.
func AppendEndpoint(data []byte, block string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("the spec does not parse: %v", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the spec is not a mapping of keys")
	}
	root := doc.Content[0]
	at := -1
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "endpoints" {
			at = i
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("the spec has no endpoints: section")
	}
	eps := root.Content[at+1]
	if eps.Kind != yaml.MappingNode || eps.Style&yaml.FlowStyle != 0 || len(eps.Content) == 0 {
		return nil, fmt.Errorf("endpoints: at line %d is not written as a block of endpoints, one per key; write it so, and bb can add to it", eps.Line)
	}
	indent := eps.Content[0].Column - 1
	nl := "\n"
	if bytes.Contains(data, []byte("\r\n")) {
		nl = "\r\n"
	}
	lines := strings.SplitAfter(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	end := len(lines) // the line index to insert before
	if at+2 < len(root.Content) {
		end = root.Content[at+2].Line - 1
	}
	// Blank lines and top-level comments before the next key belong to it.
	first := eps.Content[0].Line
	for end > first {
		l := strings.TrimRight(lines[end-1], "\r\n")
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			break
		}
		end--
	}
	var ins strings.Builder
	if end > 0 && !strings.HasSuffix(lines[end-1], "\n") {
		ins.WriteString(nl)
	}
	for _, l := range strings.Split(strings.TrimRight(block, "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			ins.WriteString(nl)
			continue
		}
		ins.WriteString(strings.Repeat(" ", indent) + strings.TrimPrefix(l, "  ") + nl)
	}
	var out strings.Builder
	for _, l := range lines[:end] {
		out.WriteString(l)
	}
	out.WriteString(ins.String())
	for _, l := range lines[end:] {
		out.WriteString(l)
	}
	return []byte(out.String()), nil
}
