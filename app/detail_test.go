package app

import "testing"

// TestSafeLink opens only web pages and mails from a source's address.
func TestSafeLink(t *testing.T) {
	for address, ok := range map[string]bool{
		"https://example.org/kim-putin": true, "http://example.org": true, "HTTPS://EXAMPLE.ORG/A": true,
		"mailto:desk@example.org": true, "javascript:alert(1)": false, "file:///etc/passwd": false,
		"chronoscope://x": false, "https:": false, "mailto:": false, "": false, "example.org/page": false,
	} {
		if got := safeLink(address) != nil; got != ok {
			t.Errorf("safeLink(%q) = %v, want %v", address, got, ok)
		}
	}
}
