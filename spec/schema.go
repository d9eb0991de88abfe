package spec

// checkSchemas validates every `schema:` in the spec against the JSON Schema subset bb
// understands.
func (p *parser) checkSchemas(s *Spec) {}
