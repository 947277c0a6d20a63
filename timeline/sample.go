package timeline

// SampleInfo names the sample chronology the default case starts with.
var SampleInfo = CaseInfo{
	Name: "Kim-Putin summit, September 2023",
	Description: "The meeting of Kim Jong-un and Vladimir Putin at the Vostochny cosmodrome on 13 September 2023, " +
		"and the events around it: the 2019 Vladivostok summit, North Korea's closed borders, the war in Ukraine, " +
		"the failed satellite launches and the American warnings.",
}

// Sample returns the sample chronology: a dozen events around the September 2023 summit,
// each with a graded source. The ids are fixed, so the sample can be re-imported.
func Sample() []Event {
	const (
		summit = "News report on the Vostochny summit"
		record = "Public record"
	)
	news := func() []Source {
		return []Source{{Title: summit, Publisher: "International news wire", Date: "2023-09-13", Reliability: "B", Credibility: 2}}
	}
	public := func() []Source {
		return []Source{{Title: record, Reliability: "A", Credibility: 1}}
	}
	ev := func(id, start, end, title, lane string, importance int, actors, tags []string, place, desc string, src []Source) Event {
		e := Event{ID: id, Title: title, Start: MustParseDate(start), Lane: lane, Importance: importance,
			Actors: actors, Tags: tags, Location: Location{Name: place}, Description: desc, Sources: src}
		if end != "" {
			e.End = MustParseDate(end)
		}
		return e
	}
	kim, putin := "Kim Jong-un", "Vladimir Putin"
	return []Event{
		ev("sample-2019-vladivostok", "2019-04-25", "", "First Kim-Putin summit in Vladivostok", "Diplomacy", 4,
			[]string{kim, putin}, []string{"summit"}, "Russky Island, Vladivostok",
			"The two leaders hold their first meeting, on Russky Island off Vladivostok.", public()),
		ev("sample-2020-borders", "2020-01~", "2023-09-10", "North Korea seals its borders against COVID-19", "North Korea", 3,
			[]string{"North Korea"}, []string{"covid-19", "borders"}, "North Korea",
			"Pyongyang closes the country as the virus spreads; Kim makes no journey abroad from then until his trip to Russia in September 2023.", public()),
		ev("sample-2022-invasion", "2022-02-24", "", "Russia launches its full-scale invasion of Ukraine", "Military", 5,
			[]string{"Russia", "Ukraine"}, []string{"war"}, "Ukraine",
			"Russian forces cross into Ukraine; the war later drives Moscow to look for shells and missiles abroad.", public()),
		ev("sample-2023-sat-1", "2023-05-31", "", "First North Korean spy-satellite launch fails", "Space", 3,
			[]string{"North Korea"}, []string{"satellite", "launch"}, "Sohae launch site",
			"The first attempt to put a military reconnaissance satellite in orbit ends with the rocket falling into the sea.", public()),
		ev("sample-2023-sat-2", "2023-08-24", "", "Second satellite launch fails", "Space", 3,
			[]string{"North Korea"}, []string{"satellite", "launch"}, "Sohae launch site",
			"A second try at launching the reconnaissance satellite fails as well.", public()),
		ev("sample-2023-pay-a-price", "2023-09-05~", "", "White House warns Pyongyang it will \"pay a price\"", "Diplomacy", 3,
			[]string{"United States", "North Korea"}, []string{"warning", "arms"}, "Washington",
			"American officials say North Korea will \"pay a price\" if it sells Russia weapons for the war in Ukraine.", news()),
		ev("sample-2023-train", "2023-09-10", "2023-09-13", "Kim's armoured train crosses to the Russian Far East", "North Korea", 4,
			[]string{kim}, []string{"travel"}, "Pyongyang to Vostochny",
			"Kim leaves Pyongyang on the Sunday evening aboard his armoured train, his first trip abroad since the pandemic.", news()),
		ev("sample-2023-eve-warnings", "2023-09-12", "", "Eve of the summit: Washington warns, the Kremlin shrugs", "Diplomacy", 3,
			[]string{"United States", "Dmitri Peskov"}, []string{"warning", "arms"}, "Washington; Moscow",
			"Washington says arms deliveries are possible; Kremlin spokesman Dmitri Peskov answers that sensitive subjects will be discussed whatever the US warnings.", news()),
		ev("sample-2023-vostochny", "2023-09-13", "", "Kim and Putin meet at the Vostochny cosmodrome", "Diplomacy", 5,
			[]string{kim, putin}, []string{"summit", "space"}, "Vostochny cosmodrome, Amur region",
			"Putin greets Kim at the cosmodrome and the two tour the assembly building of the Angara rocket.", news()),
		ev("sample-2023-talks", "2023-09-13", "", "Summit talks: delegations, then one-on-one", "Diplomacy", 4,
			[]string{kim, putin, "Sergei Shoigu", "Sergei Lavrov", "Denis Manturov"}, []string{"summit"}, "Vostochny cosmodrome, Amur region",
			"Talks between the delegations (defence minister Sergei Shoigu, foreign minister Sergei Lavrov, industry minister Denis Manturov), then the two leaders alone, for more than two hours. Kim calls relations with Moscow the \"top priority\" of his country's diplomacy.", news()),
		ev("sample-2023-satellite-help", "2023-09-13", "", "Putin raises helping North Korea build satellites", "Space", 4,
			[]string{putin, kim}, []string{"satellite", "space"}, "Vostochny cosmodrome, Amur region",
			"Asked why the meeting is held at a cosmodrome, Putin points to help with North Korea's satellite programme.", news()),
		ev("sample-2023-missile", "2023-09-13", "", "North Korea fires a ballistic missile toward the East Sea", "Military", 4,
			[]string{"North Korea", "South Korea Joint Chiefs of Staff", "Japan"}, []string{"missile", "launch"}, "East Sea (Sea of Japan)",
			"South Korea's Joint Chiefs of Staff report a ballistic missile launch as the summit opens; Japan reports two.", news()),
		ev("sample-2023-china", "2023-09-13", "", "China: the summit is a matter for the two countries", "Diplomacy", 2,
			[]string{"China"}, []string{"reaction"}, "Beijing",
			"China's foreign ministry says the meeting concerns only North Korea and Russia.", news()),
	}
}
