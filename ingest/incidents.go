package ingest

// Some documents review several incidents: top-level headings that each are one outage with its
// own Summary / Timeline / Impact, or a section whose sub-headings ("### October 21, 2025 -
// Redis Overload") each carry their own timeline and root causes. Each becomes a review of its
// own; the rest of the document (summary, remediation, lessons) is shared by all of them.

// splitIncidents looks for the first section, top down, with two or more incident-like
// sections directly below it. It detaches them from the tree and returns them as roots of their
// own; the tree that remains is the shared part. It returns nil when the document is about one
// incident.
func splitIncidents(root *section) []*section {
	queue := []*section{root}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		var found []*section
		for _, c := range s.children {
			if incidentLike(c) {
				found = append(found, c)
			}
		}
		if len(found) < 2 {
			queue = append(queue, s.children...)
			continue
		}
		var incidents []*section
		var kept []*section
		for _, c := range s.children {
			if !incidentLike(c) {
				kept = append(kept, c)
				continue
			}
			inc := &section{title: c.title, line: c.line, body: c.body, children: c.children}
			for _, ch := range inc.children {
				ch.parent = inc
			}
			incidents = append(incidents, inc)
		}
		s.children = kept
		return incidents
	}
	return nil
}

// incidentLike reports whether a section reads as one incident: a heading that is not a known
// section name, a date or a time, over sections that give a timeline or summary together with
// something else, or impact together with causes, actions or resolution.
func incidentLike(s *section) bool {
	if s.kind != "" || len(s.title) < 3 {
		return false
	}
	if st, _, ok := scanStamp(s.title); ok && (st.hasClock || isDateOnly(s.title)) {
		return false
	}
	kinds := map[string]bool{}
	for _, c := range s.children {
		c.walk(func(d *section) {
			if contentKinds[d.kind] {
				kinds[d.kind] = true
			}
		})
	}
	switch {
	case kinds[kindTimeline] && len(kinds) >= 2, kinds[kindSummary] && len(kinds) >= 2:
		return true
	case kinds[kindImpact] && (kinds[kindFactors] || kinds[kindActions] || kinds[kindResolution]):
		return true
	}
	return false
}
