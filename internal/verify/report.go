package verify

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteText writes the human report: one line per case, the reasons under each failure,
// warnings, and last a line of the form "N passed, N failed" that CI logs can grep.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, res := range r.Results {
		switch res.Outcome {
		case Unreachable:
			fmt.Fprintf(&b, "UNREACHABLE %s: %s\n", res.Name, res.Failures[0])
			continue
		case Skipped:
			fmt.Fprintf(&b, "SKIP %s: %s\n", res.Name, res.Skip)
			continue
		case Pass:
			fmt.Fprintf(&b, "PASS %s %s %s\n", res.Name, res.Method, res.Target)
		default:
			fmt.Fprintf(&b, "FAIL %s %s %s\n", res.Name, res.Method, res.Target)
			if res.Body != "" {
				fmt.Fprintf(&b, "  sent: %s\n", clip(res.Body))
			}
			for _, f := range res.Failures {
				fmt.Fprintf(&b, "  %s\n", f)
			}
		}
		for _, wn := range res.Warnings {
			fmt.Fprintf(&b, "  warning: %s\n", wn)
		}
	}
	if r.Warnings > 0 {
		noun := "warnings"
		if r.Warnings == 1 {
			noun = "warning"
		}
		fmt.Fprintf(&b, "%d %s\n", r.Warnings, noun)
	}
	fmt.Fprintf(&b, "%d passed, %d failed", r.Passed, r.Failed)
	if r.Skipped > 0 {
		fmt.Fprintf(&b, ", %d skipped", r.Skipped)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON, for machines.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

type junitSuites struct {
	XMLName  xml.Name   `xml:"testsuites"`
	Tests    int        `xml:"tests,attr"`
	Failures int        `xml:"failures,attr"`
	Time     string     `xml:"time,attr"`
	Suites   []junitSet `xml:"testsuite"`
}

type junitSet struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the report as JUnit XML: one test suite, one test case per case,
// each failure with its reasons and each warning in the case's output.
func (r *Report) WriteJUnit(w io.Writer) error {
	set := junitSet{Name: "bb verify " + r.BaseURL, Tests: len(r.Results), Failures: r.Failed}
	var total time.Duration
	for _, res := range r.Results {
		total += res.Duration
		jc := junitCase{
			Name:      res.Name + " " + res.Method + " " + res.Target,
			Classname: "bb.verify." + res.Endpoint,
			Time:      seconds(res.Duration),
		}
		if res.Outcome == Skipped {
			jc.Skipped = &junitSkipped{Message: res.Skip}
		} else if res.Outcome != Pass {
			jc.Failure = &junitFailure{Message: res.Failures[0], Type: string(res.Outcome), Text: strings.Join(res.Failures, "\n")}
		}
		if len(res.Warnings) > 0 {
			jc.SystemOut = "warning: " + strings.Join(res.Warnings, "\nwarning: ")
		}
		set.Cases = append(set.Cases, jc)
	}
	set.Time = seconds(total)
	doc := junitSuites{Tests: set.Tests, Failures: set.Failures, Time: set.Time, Suites: []junitSet{set}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
