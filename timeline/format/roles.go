package format

import (
	"strings"
	"unicode"
)

// Role is what a column of a spreadsheet holds for its events: one of the native CSV's
// columns (title, start, source_url, ...), RoleAttr (kept as an attribute named by the
// column's header) or RoleSkip (left out).
type Role string

// The roles a column can be read in, besides the native columns' names.
const (
	RoleAttr Role = "attr"
	RoleSkip Role = "skip"
)

// Roles lists every role, in the order a choice of them is shown.
var Roles = []Role{"title", "start", "end", "description", "actors", "location", "lat", "lon", "lane", "tags",
	"importance", "source", "source_url", "source_publisher", "source_date", "source_quote", "reliability",
	"credibility", "id", RoleAttr, RoleSkip}

// roleWords name each role for the analyst.
var roleWords = map[Role]string{
	"title": "Title", "start": "Start date", "end": "End date", "description": "Description", "actors": "Actors",
	"location": "Place", "lat": "Latitude", "lon": "Longitude", "lane": "Lane", "tags": "Tags", "importance": "Importance",
	"source": "Source title", "source_url": "Source address (URL)", "source_publisher": "Source publisher",
	"source_date": "Source date", "source_quote": "Source quote", "reliability": "Source reliability (A-F)",
	"credibility": "Source credibility (1-6)", "id": "Event id", RoleAttr: "Keep as attribute", RoleSkip: "Leave out",
}

// Words names the role for the analyst: "Start date", "Keep as attribute".
func (r Role) Words() string {
	if w, ok := roleWords[r]; ok {
		return w
	}
	return string(r)
}

// RoleOfWords is the role that Words names, or "" when none does.
func RoleOfWords(words string) Role {
	for r, w := range roleWords {
		if w == words {
			return r
		}
	}
	return ""
}

// validRole reports whether r is one of Roles.
func validRole(r Role) bool {
	_, ok := roleWords[r]
	return ok
}

// headerWords are the words a header may name each role by, in English, French,
// German, Spanish and Russian, written as normalWords leaves them (lower case, accents
// kept, punctuation as spaces). A header of several words is matched whole first, then
// word by word (see roleOfHeader).
var headerWords = map[Role][]string{
	"title": {"title", "event", "events", "headline", "what", "name", "subject", "titre", "intitulé", "événement",
		"évènement", "evenement", "quoi", "sujet", "titel", "ereignis", "überschrift", "was", "betreff", "título", "titulo",
		"evento", "qué", "que", "asunto", "titular", "событие", "название", "заголовок", "что", "тема события"},
	"start": {"date", "when", "day", "start", "start date", "begin", "begins", "from", "year", "time", "datetime",
		"timestamp", "quand", "jour", "début", "debut", "année", "datum", "wann", "tag", "beginn", "anfang", "von", "jahr",
		"zeit", "fecha", "cuándo", "cuando", "día", "dia", "inicio", "desde", "año", "дата", "когда", "день", "начало",
		"год", "время", "с"},
	"end": {"end", "end date", "until", "to", "finish", "fin", "jusqu'à", "jusqu", "au", "ende", "bis", "enddatum",
		"hasta", "final", "конец", "конца", "окончание", "окончания", "по", "до"},
	"description": {"description", "notes", "note", "details", "detail", "comment", "comments", "remarks", "text",
		"body", "summary", "descriptif", "remarque", "remarques", "commentaire", "commentaires", "détails", "texte",
		"résumé", "beschreibung", "notiz", "notizen", "bemerkung", "bemerkungen", "anmerkungen", "kommentar",
		"zusammenfassung", "descripción", "descripcion", "notas", "nota", "detalles", "comentarios", "observaciones",
		"resumen", "описание", "примечание", "примечания", "заметки", "комментарий", "подробности", "текст"},
	"actors": {"actor", "actors", "who", "people", "person", "persons", "participants", "parties", "involved",
		"acteur", "acteurs", "qui", "personnes", "protagonistes", "akteur", "akteure", "wer", "beteiligte", "personen",
		"actores", "quién", "quien", "personas", "participantes", "участник", "участники", "кто", "лица", "персоны"},
	"location": {"location", "place", "where", "city", "country", "site", "venue", "lieu", "endroit", "où", "ville",
		"pays", "ort", "wo", "stadt", "land", "lugar", "dónde", "donde", "ubicación", "ciudad", "país", "место", "где",
		"город", "страна"},
	"lat":        {"lat", "latitude", "breite", "breitengrad", "latitud", "широта"},
	"lon":        {"lon", "lng", "long", "longitude", "länge", "längengrad", "longitud", "долгота"},
	"lane":       {"lane", "category", "type", "group", "track", "theme", "catégorie", "thème", "groupe", "kategorie", "gruppe", "typ", "thema", "categoría", "categoria", "tipo", "grupo", "tema", "категория", "тип", "группа", "тема", "раздел"},
	"tags":       {"tags", "tag", "keywords", "labels", "mots clés", "mots clefs", "étiquettes", "schlagwörter", "stichwörter", "etiquetas", "palabras clave", "теги", "метки", "ключевые слова"},
	"importance": {"importance", "priority", "significance", "weight", "priorité", "wichtigkeit", "priorität", "bedeutung", "importancia", "prioridad", "важность", "приоритет"},
	"source":     {"source", "sources", "reference", "references", "ref", "quelle", "quellen", "fuente", "fuentes", "источник", "источники"},
	"source_url": {"url", "link", "links", "href", "website", "web", "lien", "liens", "enlace", "ссылка", "ссылки"},
	"source_publisher": {"publisher", "outlet", "media", "newspaper", "éditeur", "média", "journal", "verlag",
		"zeitung", "editorial", "medio", "periódico", "издание", "сми", "издатель"},
	"reliability": {"reliability", "fiabilité", "zuverlässigkeit", "fiabilidad", "надёжность", "надежность"},
	"credibility": {"credibility", "crédibilité", "glaubwürdigkeit", "credibilidad", "достоверность"},
	"id":          {"id", "uid", "identifier", "identifiant", "kennung", "identificador", "идентификатор"},
}

// wordPriority is the order in which the roles of a header's words win over one another:
// "End date" is an end, "Event date" a start, "Source URL" an address.
var wordPriority = []Role{"end", "start", "lat", "lon", "source_url", "source_publisher", "reliability", "credibility",
	"source", "importance", "actors", "location", "lane", "tags", "description", "title", "id"}

// headerRole maps each normalised header word or phrase to its role.
var headerRole = func() map[string]Role {
	m := map[string]Role{}
	for r, words := range headerWords {
		for _, w := range words {
			m[normalWords(w)] = r
		}
	}
	return m
}()

// normalWords is a header in lower case, with every run of characters that are not
// letters or digits (spaces, dashes, underscores, punctuation) made one space.
func normalWords(h string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(h), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// roleOfHeader is the role a header names, or "" when it names none: the whole header
// if it is one of headerWords ("start date", "fecha"), else its words, the role that
// comes first in wordPriority winning ("event date" is the start).
func roleOfHeader(h string) Role {
	n := normalWords(h)
	if n == "" {
		return ""
	}
	if r, ok := headerRole[n]; ok {
		return r
	}
	if r, ok := headerRole[strings.ReplaceAll(n, " ", "_")]; ok {
		return r // source_url written source url
	}
	if validRole(Role(strings.ReplaceAll(n, " ", "_"))) {
		return Role(strings.ReplaceAll(n, " ", "_"))
	}
	found := map[Role]bool{}
	for _, w := range strings.Fields(n) {
		if len([]rune(w)) < 2 && w != "с" {
			continue
		}
		if r, ok := headerRole[w]; ok {
			found[r] = true
		}
	}
	for _, r := range wordPriority {
		if found[r] {
			return r
		}
	}
	return ""
}
