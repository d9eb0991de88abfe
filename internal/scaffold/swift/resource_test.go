package swift

import (
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

func resourceCase(t *testing.T) (*spec.Spec, map[string][]byte) {
	t.Helper()
	c := goldenCase{"resources", filepath.Join("testdata", "crud", "resources")}
	s, err := spec.Load(c.spec)
	if err != nil {
		t.Fatal(err)
	}
	return s, generateCase(t, c)
}

// TestResourceFunctions: a resource's routes read as a CRUD API, with the body
// unlabelled, the list's options typed, and the total count read from its header.
func TestResourceFunctions(t *testing.T) {
	_, files := resourceCase(t)
	client := string(files["Sources/ChatAPI/ChatClient.swift"])
	flat := regexp.MustCompile(`\s+`).ReplaceAllString(client, " ")
	for _, want := range []string{
		// the protocol
		"func listMessages( user: String?, text: String?, sentAt: Date?, read: Bool?, replyTo: Int?, sortedBy: Message.SortField?, order: SortDirection?, limit: Int?, page: Int?, offset: Int?, timeout: TimeInterval? ) async throws -> Page<Message>",
		"func getMessage(id: Int, timeout: TimeInterval?) async throws -> Message",
		"func createMessage(_ message: NewMessage, timeout: TimeInterval?) async throws -> Message",
		"func replaceMessage( id: Int, _ message: NewMessage, timeout: TimeInterval? ) async throws -> Message",
		"func updateMessage( id: Int, _ patch: MessagePatch, timeout: TimeInterval? ) async throws -> Message",
		"func deleteMessage(id: Int, timeout: TimeInterval?) async throws",
		// the forms without a timeout
		"public func createMessage(_ message: NewMessage) async throws -> Message { try await createMessage(message, timeout: nil) }",
		"public func updateMessage(id: Int, _ patch: MessagePatch) async throws -> Message { try await updateMessage(id: id, patch, timeout: nil) }",
		"sortedBy: Message.SortField? = nil, order: SortDirection? = nil, limit: Int? = nil, page: Int? = nil, offset: Int? = nil ) async throws -> Page<Message> {",
		// an update taking the fields to set as arguments
		"public func updateMessage( id: Int, user: String? = nil, text: String? = nil, sentAt: Date? = nil, read: Bool? = nil, replyTo: Int? = nil ) async throws -> Message { try await updateMessage(id: id, MessagePatch( user: user.map { Nullable.value($0) }, text: text.map { Nullable.value($0) }, sentAt: sentAt.map { Nullable.value($0) }, read: read.map { Nullable.value($0) }, replyTo: replyTo.map { Nullable.value($0) } ), timeout: nil) }",
		"public func updateTicket( id: String, title: String? = nil, status: TicketPatch.Status? = nil,",
		// a client-chosen id is no argument of an update: it never changes
		"public func updatePerson( handle: String, name: String? = nil, selfValue: Bool? = nil ) async throws -> Person {",
		// the wire
		`"_sort": sortedBy?.rawValue, "_order": order?.rawValue, "_limit": limit, "_page": page, "_start": offset`,
		`totalCount: response.headers["X-Total-Count"].flatMap { Int($0) }`,
		`offset: offset ?? page.map { ($0 - 1) * (limit ?? 10) } ?? 0`,
		// an enum field filters by its enum; a field named like an option gets a suffix
		`status: Ticket.Status?, order2: Int?, page2: String?, ` + "`default`: Bool?, sortedBy: Ticket.SortField?",
		`"status": status?.rawValue, "order": order2, "page": page2,`,
		// a resource typed by its schema alone still answers with its records
		"func getTicket(id: String, timeout: TimeInterval?) async throws -> Ticket",
		"func createPerson(_ person: NewPerson, timeout: TimeInterval?) async throws -> Person",
		"func getPerson(handle: String, timeout: TimeInterval?) async throws -> Person",
		// the …Response forms decode the record, not a type of the seed's own shape
		"return try response.with(body: .created(self.decode(Message.self, from: response)))",
		"return try response.with(body: .ok(self.decode([Message].self, from: response)))",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the client lacks\n\t%s", want)
		}
	}
	// The list does not filter by id: a filter keeps the one record getMessage reads.
	if strings.Contains(flat, "func listMessages( id:") {
		t.Error("listMessages takes an id filter")
	}
	for name := range files {
		if strings.Contains(name, "CreatedResponse") {
			t.Errorf("%s: a resource's answers have a type of their own", name)
		}
	}
	page := string(files["Sources/ChatAPI/Page.swift"])
	for _, want := range []string{"public struct Page<Item: Sendable>: Sendable", "extension Page: RandomAccessCollection",
		"public var totalCount: Int?", "public var hasMore: Bool", `case descending = "desc"`} {
		if !strings.Contains(page, want) {
			t.Errorf("Page.swift lacks %q", want)
		}
	}
}

// TestNoPageWithoutResources: a spec without resources keeps its package as it was, and
// may name a model Page.
func TestNoPageWithoutResources(t *testing.T) {
	s, err := spec.Parse(filepath.Join(t.TempDir(), spec.FileName), []byte("version: 1\nendpoints:\n  getPage:\n    method: GET\n    path: /page\n    responses: [{body: {title: a}}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if strings.HasSuffix(name, "/Page.swift") {
			t.Errorf("%s written for a spec without resources", name)
		}
	}
	if _, ok := files["Sources/AppAPI/Models/GetPageResponse.swift"]; !ok {
		var names []string
		for n := range files {
			names = append(names, n)
		}
		slices.Sort(names)
		t.Errorf("files %v", names)
	}
}

// TestListOptionsMatchTheKernel: every filter and sort field the Swift list sends is a
// name the contract kernel's list accepts, and every field the kernel sorts by is a
// case of the record's SortField.
func TestListOptionsMatchTheKernel(t *testing.T) {
	for _, dir := range []string{"resources", "resourceonly"} {
		s, err := spec.Load(filepath.Join("testdata", "crud", dir))
		if err != nil {
			t.Fatal(err)
		}
		listOptionsMatchTheKernel(t, s)
	}
}

func listOptionsMatchTheKernel(t *testing.T, s *spec.Spec) {
	g, err := newGenerator(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts, err := s.Types()
	if err != nil {
		t.Fatal(err)
	}
	keyRE := regexp.MustCompile(`"([^"]+)": `)
	for _, r := range s.Resources {
		res := r.Contract(ts)
		ri := g.resources[r]
		m := g.modelData(ri.record)
		if m.SortFields == nil {
			t.Fatalf("%s: no SortField", ri.record.Name)
		}
		var sorts []string
		for _, c := range m.SortFields.Cases {
			raw := strings.Trim(c.Case, "`")
			if c.Raw != "" {
				raw = strings.Trim(strings.TrimPrefix(c.Raw, " = "), `"`)
			}
			sorts = append(sorts, raw)
			if _, ps := res.ParseListQuery(url.Values{contract.QuerySort: {raw}}); len(ps) > 0 {
				t.Errorf("%s: the kernel refuses _sort=%s: %v", r.Name, raw, ps)
			}
		}
		for _, f := range res.Fields() {
			if !slices.Contains(sorts, f.Key) {
				t.Errorf("%s: the kernel sorts by %s, %s.SortField has no case for it", r.Name, f.Key, ri.record.Name)
			}
		}
		var list *spec.EndpointTypes
		for _, et := range g.types.Endpoints {
			if et.Endpoint.Resource == r && et.Endpoint.Op == contract.OpList {
				list = et
			}
		}
		_, query, _ := g.listParams(list, ri, scope{"timeout": true, "response": true})
		for _, q := range query {
			key := keyRE.FindStringSubmatch(q)[1]
			if key == r.ID {
				t.Errorf("%s: the list filters by its id", r.Name)
			}
			known := slices.Contains([]string{contract.QuerySort, contract.QueryOrder, contract.QueryLimit, contract.QueryPage, contract.QueryStart}, key)
			if !known && !slices.ContainsFunc(res.Fields(), func(f contract.Field) bool { return f.Key == key }) {
				t.Errorf("%s: the list sends %s, which the kernel does not know", r.Name, key)
			}
		}
		if len(query) != len(res.Fields())-1+5 {
			t.Errorf("%s: %d query names for %d fields", r.Name, len(query), len(res.Fields()))
		}
	}
	// The order's raw values are the kernel's.
	for _, v := range []string{"asc", "desc"} {
		if _, ps := (&contract.Resource{Record: &contract.Schema{Kind: contract.KindObject}}).ParseListQuery(url.Values{contract.QueryOrder: {v}}); len(ps) > 0 {
			t.Errorf("_order=%s: %v", v, ps)
		}
	}
}

// TestRecordModels: a record is Identifiable, sortable by its scalar fields, and its
// types say what they are in their doc comments.
func TestRecordModels(t *testing.T) {
	_, files := resourceCase(t)
	model := func(name string) string { return string(files["Sources/ChatAPI/Models/"+name+".swift"]) }
	for _, tt := range []struct{ file, want string }{
		{"Message", "public struct Message: Codable, Hashable, Sendable, Identifiable {"},
		{"Message", "/// A message: one record of the `messages` resource, kept by the server at `/api/messages`."},
		{"Message", "Its `id` is a whole number the server assigns."},
		{"Message", "public enum SortField: String, CaseIterable, Sendable {\n        case id\n        case user\n        case text\n        case sentAt = \"sent_at\"\n        case read\n        case replyTo = \"reply_to\"\n    }"},
		{"NewMessage", "/// A new message, as `createMessage` and `replaceMessage` send it: ``Message`` without the\n/// `id` the server assigns."},
		{"MessagePatch", "/// Changes to a message, as `updateMessage` sends them: a JSON Merge Patch (RFC 7396)."},
		{"Ticket", "Its `id` is a UUID the server assigns."},
		{"Ticket", "        case `default`\n    }"}, // the array and the object do not sort
		{"Assignee", "/// In a ticket (``Ticket``) of the `tickets` resource, at `.assignee`."},
		{"TicketPatchAssignee", "/// In the changes to a ticket (``TicketPatch``) of the `tickets` resource, at `.assignee`."},
		{"Person", "public struct Person: Codable, Hashable, Sendable, Identifiable {"},
		{"Person", "public var id: String { handle }"},
		{"Person", "Its `handle` is a string the client chooses in ``NewPerson``."},
		{"NewPerson", "``Person`` with the `handle` the client chooses."},
		{"GetMeResponse", "/// The response body of `getMe`."},
	} {
		// A doc comment's wrapping is not the point.
		unwrap := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "///", "")), " ") }
		if !strings.Contains(unwrap(model(tt.file)), unwrap(tt.want)) {
			t.Errorf("%s.swift lacks\n%s\n--- it reads:\n%s", tt.file, tt.want, model(tt.file))
		}
	}
	for name, data := range files {
		if strings.Contains(string(data), "of `resource`") {
			t.Errorf("%s calls a resource `resource`", name)
		}
	}
	if strings.Contains(model("GetMeResponse"), "Identifiable") {
		t.Error("a response that is no record is Identifiable")
	}
}

// TestResourceReadme: the package's README shows each resource's CRUD calls.
func TestResourceReadme(t *testing.T) {
	_, files := resourceCase(t)
	readme := string(files["README.md"])
	for _, want := range []string{
		"## Resources",
		"### messages (`/api/messages`)",
		`let page = try await client.listMessages(user: "larry", sortedBy: .sentAt, order: .descending, limit: 20)`,
		`print("\(page.count) of \(page.totalCount ?? 0) messages")`,
		`let created = try await client.createMessage(NewMessage(user: "larry", text: "hello", sentAt: .now, read: false))`,
		"let fetched = try await client.getMessage(id: created.id)",
		"let updated = try await client.updateMessage(id: created.id, read: true)",
		"try await client.deleteMessage(id: created.id)",
		"### tickets (`/tickets`)",
		`let created = try await client.createTicket(NewTicket(title: "", status: .init(rawValue: "open"), order: 0))`,
		`let created = try await client.createPerson(NewPerson(handle: "larry-2", name: "Larry", selfValue: true))`,
		"let fetched = try await client.getPerson(handle: created.handle)",
		"    page = try await client.listMessages(limit: 50, offset: all.count)",
		"| `listMessages` | `GET /api/messages` |",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("the README lacks\n\t%s", want)
		}
	}
}

// TestResourceOfPages: a resource of pages keeps Page for its record, and the list's
// generic type becomes ListPage.
func TestResourceOfPages(t *testing.T) {
	s, err := spec.Parse(filepath.Join(t.TempDir(), spec.FileName), []byte("version: 1\nname: CMS\nresources:\n  pages:\n    seed: [{title: Home}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Sources/CMSAPI/Models/Page.swift", "Sources/CMSAPI/ListPage.swift"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if client := string(files["Sources/CMSAPI/CMSClient.swift"]); !strings.Contains(client, ") async throws -> ListPage<Page> {") {
		t.Error("listPages does not return a ListPage<Page>")
	}
	if page := string(files["Sources/CMSAPI/ListPage.swift"]); !strings.Contains(page, "public struct ListPage<Item: Sendable>") || !strings.Contains(page, "extension ListPage: RandomAccessCollection") {
		t.Errorf("ListPage.swift:\n%s", page)
	}
}

func TestAn(t *testing.T) {
	for word, want := range map[string]string{"message": "a message", "event": "an event", "user": "a user",
		"update": "an update", "item": "an item", "unit": "a unit", "order": "an order", "one": "a one"} {
		if got := an(word); got != want {
			t.Errorf("an(%q) = %q, want %q", word, got, want)
		}
	}
}

// TestResourceNamedAKeyword: a resource whose record is a Swift keyword (default,
// class, func) takes its body as `_ `default`: NewDefault`, as a bare keyword is no
// parameter name.
func TestResourceNamedAKeyword(t *testing.T) {
	s, err := spec.Parse(filepath.Join(t.TempDir(), spec.FileName), []byte("version: 1\nname: K\nresources:\n  default:\n    seed: [{title: a}]\n  class:\n    seed: [{title: b}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Generate(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	client := string(files["Sources/KAPI/KClient.swift"])
	for _, want := range []string{"func createDefault(_ `default`: NewDefault)", "func replaceClass(id: Int, _ `class`: NewClass)"} {
		if !strings.Contains(client, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(client, "_ default:") || strings.Contains(client, "_ class:") {
		t.Error("a keyword declared as a parameter name without backticks")
	}
}
