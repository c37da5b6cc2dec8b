package metamortem

// Catalog is what ownership and identity sources say: which components exist and who owns
// them, which teams exist, who the people are and by which other names they go. One document
// (a Backstage catalog, a CODEOWNERS file, an owners CSV, an alias file) yields a partial
// catalog; the store keeps each entry with the document it came from.
type Catalog struct {
	Components []CatalogComponent
	Teams      []Team
	People     []CatalogPerson
	Ownership  []Ownership
}

// Empty reports whether the catalog holds nothing.
func (c Catalog) Empty() bool {
	return len(c.Components) == 0 && len(c.Teams) == 0 && len(c.People) == 0 && len(c.Ownership) == 0
}

// Add appends the entries of o to c.
func (c *Catalog) Add(o Catalog) {
	c.Components = append(c.Components, o.Components...)
	c.Teams = append(c.Teams, o.Teams...)
	c.People = append(c.People, o.People...)
	c.Ownership = append(c.Ownership, o.Ownership...)
}

// CatalogComponent is a component (service, system, resource) a catalog describes.
type CatalogComponent struct {
	// Name is the component's canonical name, e.g. "payments-api".
	Name string
	// Title is a display name, when the catalog has one.
	Title string
	// Owner is the owning team (or person) as the catalog writes it, without kind or namespace
	// prefixes ("group:default/payments" becomes "payments"); empty when none is given.
	Owner string
	// System is the larger system the component belongs to, if any.
	System string
	// Aliases are other names the component goes by in reviews ("Payments API", "payments").
	Aliases []string
}

// Team is a group of people a catalog describes.
type Team struct {
	Name    string
	Title   string
	Parent  string
	Members []string
	Aliases []string
}

// CatalogPerson is a person an identity source describes, with every other name they go by:
// handles, e-mail addresses, initials, short names.
type CatalogPerson struct {
	Name    string
	Title   string // display name
	Email   string
	Teams   []string
	Aliases []string
}

// Ownership says that owners own what a pattern covers, according to a source such as
// CODEOWNERS or an owners CSV. Component is set when the source names one (or a path-to-
// component table maps the pattern to one).
type Ownership struct {
	Component string
	Pattern   string
	Owners    []string
	Source    string // "codeowners", "component-owners", "owners-csv", "maintainers"
}
