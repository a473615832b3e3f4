package minutes

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStyles reads short documents in the house styles of councils (see
// testdata/corpus/STYLES.md) and their traps.
func TestStyles(t *testing.T) {
	cases := []struct {
		name, text  string
		numbers     []string
		resolutions int
		apologies   []string
		narratives  []string // when given, how each minute's narrative starts
	}{
		{
			name: "one line, headings in capitals",
			text: "MINUTES OF THE MEETING OF THE TOWN COUNCIL HELD ON MONDAY 1 SEPTEMBER 2008 Present: Cllr. D Fenwick, Cllr. A Corrigan. " +
				strings.Repeat("The meeting commenced at 7.00 pm and the Chairman welcomed everyone. ", 4) +
				"1. APOLOGIES FOR ABSENCE Cllr. T Marsh, Cllr. Mrs J Pell. 2. DECLARATIONS OF INTEREST None. 3. MINUTES RESOLVED: That the minutes be signed. 4. MATTERS ARISING None.",
			numbers: []string{"1", "2", "3", "4"}, resolutions: 1, apologies: []string{"Cllr. T Marsh", "Cllr. Mrs J Pell"},
		},
		{
			name: "planning references are not minutes",
			text: "Minutes of the Planning Committee held on 7 April 2020\nPresent: Cllr A Smith\n334 APOLOGIES FOR ABSENCE\nCllr Imogen Sallis\n" +
				"335 PLANNING\n22/500871/FULL PROPOSAL: 9 Weir Lane\nUnanimously AGREED to recommend APPROVAL\n22/01234/FUL Land at Mill Lane\nIt was RESOLVED to object.\n336 CLOSE\nThe meeting closed.",
			numbers: []string{"334", "335", "336"}, resolutions: 1, apologies: []string{"Cllr Imogen Sallis"},
		},
		{
			name: "resolved traps and lower-case resolutions",
			text: "Minutes of the Parish Council Meeting held on Monday 10th July 2023\n2307.01 Present\nCouncillors: L. Hartigan\nApologies for Absence\nCouncillor M. Lusk (ML);\n" +
				"2307.02 Any items that might be resolved in closed session – none\n2307.03 Minutes\nIt was resolved that the minutes are approved.\n" +
				"2307.04 Vacancy\nAn application was received and it\nwas resolved that Cllr Hartigan would interview.\n",
			numbers: []string{"2307.01", "2307.02", "2307.03", "2307.04"}, resolutions: 2, apologies: []string{"Councillor M. Lusk"},
		},
		{
			name: "numbers without punctuation, and a short numbered list that is not minutes",
			text: "Minutes of The Meeting held on the 8th January 2024\nPresent: Cllrs R Hebden, S. Moult\nApologies Cllrs D. Frith & K. Maddox\n" +
				"1382 The Chairman welcomed the public.\n1383 Public Participation. None.\n1384 The minutes were approved.\n1385 Finance. The options were:\n1 Pay now.\n2 Pay later.\n3 Do nothing.\n1386 Other Business. None.\n",
			numbers: []string{"1382", "1383", "1384", "1385", "1386"}, apologies: []string{"Cllr D. Frith", "Cllr K. Maddox"},
		},
		{
			name: "Item No. with Proposed by and And unanimously Resolved",
			text: "MINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON MONDAY, 22nd JUNE, 2015 Present: Councillors: Aidan Furlong, Niamh Devereux. Apologies: Fionnuala Roche Also Present: Ms. Orla Kinsella. " +
				strings.Repeat("Notice of the meeting was read. ", 6) +
				"Item No. 1. Election of Cathaoirleach: Proposed by: Cllr. Aidan Furlong Seconded by: Cllr. Conor Redmond And unanimously Resolved \u201cThat Cllr. Declan Stafford be elected.\u201d Item No. 2: Election of Leas Cathaoirleach Proposed by: Cllr. Tadhg Byrne Seconded by: Cllr. Eoin Cullen And unanimously Resolved \u201cThat Cllr. Aidan Furlong be elected.\u201d",
			numbers: []string{"1", "2"}, resolutions: 2, apologies: []string{"Fionnuala Roche"},
		},
		{
			// A US city council: consent items "*1." and special items
			// "S-1." run on in one paragraph; "Motion CARRIED" is not a
			// resolution; "Ordinance No. 2025-07" is not a minute.
			name: "US city council, items run on",
			text: "CITY OF RIVERBEND\nCITY COUNCIL REGULAR MEETING MINUTES\nMarch 4, 2025\n\n" +
				"ROLL CALL: Present: Councilmembers Adams, Baker, Chen, Diaz and Mayor Ortiz. Absent: Councilmember Evans (excused), Councilmember Fox.\n" +
				"*1. Approval of the minutes of February 18, 2025. Motion by Adams, seconded by Baker, to approve. Motion CARRIED 5-0. " +
				"*2. Ordinance No. 2025-07 amending Chapter 12 of the City Code. It was resolved to adopt Ordinance No. 2025-07. " +
				"S-1. Proclamation for Arbor Day. Mayor Ortiz read the proclamation. S-2. Appointment to the Parks Board. Resolved, that Jane Moss be appointed to the Parks Board.\n" +
				"3. Public Comment. None stated.\n" +
				"4. Conflicts of interest: Councilmember Chen declared a conflict of interest in item 5 and left the room.\n" +
				"5. Contract award for street resurfacing. RESOLVED: That the contract be awarded to Acme Paving.\n",
			numbers: []string{"1", "2", "S-1", "S-2", "3", "4", "5"}, resolutions: 3, apologies: []string{"Councilmember Evans"},
			narratives: []string{"Motion by Adams", "", "Mayor Ortiz read", "", "None stated.", "Councilmember Chen declared"},
		},
		{
			// Not US style: two asterisked (exempt) items of a British
			// agenda; a table's cells keep their words (no bar read as
			// I); an apology offered for an error is not one for absence.
			name: "asterisked exempt items, a table, an apology for an error",
			text: "Minutes of the Parish Council held on 5 June 2023\nPresent: Cllr A Smith, Cllr E White\n" +
				"1. Apologies\nApologies were received from Cllr B Jones. Cllr E White offered her apologies for the error in the previous minutes.\n" +
				"*2. Staffing Matters\nThe clerk's hours were reviewed.\n" +
				"3. Footpaths\n| Footpath | Clerk | will write to KCC |\n" +
				"*4. Legal Advice\nRESOLVED: That the advice be noted.\n",
			numbers: []string{"1", "2", "3", "4"}, resolutions: 1, apologies: []string{"Cllr B Jones"},
			narratives: []string{"", "", "Footpath Clerk | will write to KCC"},
		},
		{
			// A scan read by OCR prints the pronoun I as "|"; apologies
			// "sent" rather than "received"; "resolved" as a verb of a
			// matter is not a resolution.
			name: "OCR bars for I, apologies sent",
			text: "MINUTES OF THE MEETING OF LITTLE WOLDHAM PARISH COUNCIL HELD ON TUESDAY 9 JANUARY 2024 AT 7.30PM\n" +
				"Present: Cllr A Smith (Chair), Cllr B Jones\n" +
				"1/24 Apologies for absence\nApologies for his inability to attend were received from Councillor D Green. Cllr E White sent her apologies.\n" +
				"2/24 Declarations of interest\nNothing was declared.\n" +
				"3/24 Minutes of the previous meeting\n| was asked to confirm the minutes. RESOLVED: That the minutes of 12 December 2023 be approved.\n| t was noted that 22/01234/FUL had been refused.\n" +
				"4/24 Chairman's report\nThe Chair said | would write to the highways authority. Once the matter is resolved the clerk will report back.\n",
			numbers: []string{"1/24", "2/24", "3/24", "4/24"}, resolutions: 1, apologies: []string{"Councillor D Green", "Cllr E White"},
			narratives: []string{"", "", "I was asked to confirm the minutes.", "The Chair said I would write"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var numbers, apologies []string
			res := 0
			for _, mi := range m.Minutes {
				numbers = append(numbers, mi.Number)
				res += len(mi.Resolutions)
			}
			for _, a := range m.Apologies {
				apologies = append(apologies, a.Name)
			}
			if diff := cmp.Diff(numbers, tc.numbers); diff != "" {
				t.Errorf("minutes (-got +want):\n%s", diff)
			}
			if res != tc.resolutions {
				t.Errorf("%d resolutions, want %d: %+v", res, tc.resolutions, m.Minutes)
			}
			if diff := cmp.Diff(apologies, tc.apologies); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
			for i, want := range tc.narratives {
				if i < len(m.Minutes) && !strings.HasPrefix(m.Minutes[i].Narrative, want) {
					t.Errorf("minute %s's narrative %q, want it to start %q", m.Minutes[i].Number, m.Minutes[i].Narrative, want)
				}
			}
			for _, mi := range m.Minutes {
				for _, r := range mi.Resolutions {
					if strings.Contains(r, "|") {
						t.Errorf("minute %s: resolution %q keeps an OCR bar", mi.Number, r)
					}
				}
			}
		})
	}
}

// TestWarningsSayWhere: a warning names the line of the document to fix,
// counted as an editor counts them, also when a page of text on one line
// was cut into many.
func TestWarningsSayWhere(t *testing.T) {
	text := "Minutes of the Parish Council held on 5 June 2023\n" +
		"Present: Cllr A Smith\n" +
		"\n" +
		"RESOLVED: That the chair be thanked.\n" +
		"1. Apologies\n" +
		"None.\n" +
		"2.\n" +
		"\n" +
		"RESOLVED: That the accounts be approved.\n" +
		strings.Repeat("The clerk reported on the accounts at length. ", 10) + "3. FINANCE MATTERS The clerk reported. RESOLVED: \n"
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`line 4: RESOLVED outside any minute: "RESOLVED: That the chair be thanked."`,
		"line 7: minute 2: no title found",
		"line 10: minute 3: empty RESOLVED block",
	}
	if diff := cmp.Diff(m.Warnings, want); diff != "" {
		t.Errorf("warnings (-got +want):\n%s", diff)
	}
}

// TestCouncilDocuments reads whole documents in the house styles of
// English, Welsh, Scottish and Northern Irish councils and other public
// bodies (testdata/minutes-*.txt, written for the
// tests) and checks what
// an officer would look at after an import: the minutes and their numbers,
// what was resolved in each, and who sent apologies.
func TestCouncilDocuments(t *testing.T) {
	cases := []struct {
		file    string
		numbers []string
		// resolved maps a minute to how each of its resolutions starts.
		resolved     map[string][]string
		present      []string // when set, everyone recorded as present
		apologies    []Person
		declarations []Declaration
		// titles and narratives map a minute to its title, and to text
		// its narrative holds.
		titles     map[string]string
		narratives map[string]string
		// furniture is text printed on the pages, not in the minutes.
		furniture []string
		// warnings, when set, are the warnings the import shows.
		warnings []string
		// recordedAs maps a minute to the words its resolutions were
		// recorded under, when not all "RESOLVED".
		recordedAs map[string][]string
		// committee, when set, is the committee the import files them under.
		committee string
		// actions, when set, are the actions the minutes give people.
		actions []Action
	}{
		{
			// "FC/23/001": letters, the year, then the minute.
			file:    "minutes-town-council-references.txt",
			numbers: []string{"FC/23/001", "FC/23/002", "FC/23/003", "FC/23/004", "FC/23/005", "FC/23/006", "FC/23/007", "FC/23/008"},
			resolved: map[string][]string{
				"FC/23/003": {"That the minutes of the meeting held on 12th December 2022 be approved"},
				"FC/23/005": {"That (i) the budget for 2023/24 be approved"},
				"FC/23/007": {"To award grants of £500"},
			},
			present: []string{"Cllr P. Ashworth (Town Mayor, in the Chair)", "Cllr M. Begum", "Cllr R. Callaghan", "Cllr S. Dunne-Whitaker",
				"Cllr F. Evans", "Cllr G. Hollis", "Cllr K. Ito", "Mrs J. Tranter (Town Clerk)", "Mr L. Moss (Deputy Clerk)"},
			apologies:    []Person{{Name: "Cllr D. Lowther"}, {Name: "Cllr H. Yates"}},
			declarations: []Declaration{{Name: "Cllr Callaghan", Item: "FC/23/007", Kind: "pecuniary", Nature: "the owner of a business that receives a grant"}},
		},
		{
			// "SSP 12/22": the partnership's letters, a space, the minute.
			file:    "minutes-partnership-prefixed-numbers.txt",
			numbers: []string{"SSP 12/22", "SSP 13/22", "SSP 14/22", "SSP 15/22", "SSP 16/22", "SSP 17/22"},
			// "SERIOUS VIOLENCE DUTY [Item 5]": the agenda's number is not
			// part of the title.
			titles: map[string]string{"SSP 14/22": "MINUTES OF THE PREVIOUS MEETING: 22 JUNE 2022", "SSP 16/22": "SERIOUS VIOLENCE DUTY"},
			resolved: map[string][]string{
				"SSP 15/22": {"The Partnership: i. Endorsed the strategic assessment 2022"},
				"SSP 16/22": {"1. That the update be noted. 2. That a draft"},
			},
			// "(Present = *)": the members marked with a star attended;
			// "Rebecca Vine, Community Safety Manager": a name and a post.
			present: []string{"Councillor Denise Okoro (Chair)", "Superintendent Marcus Hale (Stockleigh Police) (Vice-Chair)",
				"Angela Moss (Stockleigh Probation Delivery Unit)", "Tariq Hussain (Stockleigh Fire and Rescue Service)",
				"Rebecca Vine (Community Safety Manager)", "Owen Price (Partnership Analyst)"},
			apologies:    []Person{{Name: "Councillor Peter Lang"}, {Name: "Dr Hannah Wilde", Organisation: "Integrated Care Board"}},
			declarations: []Declaration{},
		},
		{
			// A cabinet's "DECISION:", with its numbered parts and the
			// reasons after it; "It was moved by …, seconded by …, and
			// RESOLVED that"; Windows line endings and page footers.
			file:    "minutes-cabinet-decisions.txt",
			numbers: []string{"45", "46", "47", "48", "49", "50", "51", "52"},
			resolved: map[string][]string{
				"47": {"That the minutes of the meeting held on 11 January 2023 be approved"},
				"48": {"(1) That Council be recommended to approve the General Fund revenue budget"},
				"49": {"That the Council extend the current contract with Westmere Leisure Trust"},
				"50": {"(a) that the responses to the consultation"},
				"51": {"That under Section 100A(4)"},
				"52": {"That the offer from Bidder B be accepted, subject to contract."},
			},
			// "DECISION:" is kept as the cabinet's word.
			recordedAs:   map[string][]string{"48": {"DECISION"}, "52": {"DECISION"}},
			furniture:    []string{"Initials", "Page"},
			apologies:    []Person{{Name: "Councillor Colin Hart", Organisation: "Portfolio Holder for Housing"}},
			declarations: []Declaration{{Name: "Councillor Pritchard", Item: "49", Kind: "personal", Nature: "a member of the board of Westmere Leisure Trust"}},
		},
		{
			// Paragraphs numbered within each minute ("5.2 RESOLVED: That
			// …", "6.4.1 To retain …").
			file:    "minutes-policy-committee-paragraphs.txt",
			numbers: []string{"1", "2", "3", "4", "5", "6", "7", "8"},
			resolved: map[string][]string{
				"5": {"That the petition be referred to the Transport Committee"},
				"6": {"(unanimously) That the Communities and Neighbourhoods Policy Committee:- (a) approves"},
				"7": {"That the Committee notes the progress made on the Libraries Strategy"},
				"8": {"That the Committee’s work programme, as set out in the report, be approved."},
			},
			apologies:    []Person{{Name: "Councillor Ruth Mallory"}, {Name: "Councillor Dev Patel"}},
			declarations: []Declaration{},
			narratives: map[string]string{
				"5": "5.1 The Committee received a petition",
				"6": "6.4.1 To retain the current policy",
			},
		},
		{
			// "Minute No. 45/21 – Apologies for Absence"; a substitute
			// named among the apologies is not one of them; "The
			// Committee noted the appeal decisions …", all that minute
			// 50/21 records, is its outcome.
			file:    "minutes-planning-substitutes.txt",
			numbers: []string{"45/21", "46/21", "47/21", "48/21", "49/21", "50/21"},
			resolved: map[string][]string{
				"47/21": {"That the minutes of the meeting held on 20 May 2021 be confirmed"},
				"48/21": {"That planning permission be GRANTED subject to: (1) the completion of a Section 106 agreement"},
				"49/21": {"That planning permission be REFUSED"},
				"50/21": {"The appeal decisions received since the last meeting."},
			},
			recordedAs:   map[string][]string{"50/21": {"NOTED"}},
			apologies:    []Person{{Name: "Councillor J. Whitcombe"}, {Name: "Councillor A. Lusk"}},
			declarations: []Declaration{{Name: "Councillor Marsh", Item: "48/21", Kind: "other", Nature: "he lives close to the site"}},
			narratives: map[string]string{
				"48/21": "since the agenda was published.",
			},
			furniture: []string{"Planning Committee", "commenced at 2.00 pm"},
		},
		{
			// "Apologies for Absence:-" with the names in the paragraph
			// below; "Minute No. 61" on a line of its own; a resolution
			// broken by a page footer and header.
			file:    "minutes-licensing-apologies-label.txt",
			numbers: []string{"61", "62", "63", "64", "65", "66"},
			resolved: map[string][]string{
				"62": {"That the minutes of the meeting held on 8th March 2022 be approved"},
				"63": {"(unanimously) That: (1) the revised Statement of Licensing Policy"},
				"64": {"That the table of fares be increased by 6%"},
				"65": {"That under Section 100A(4)"},
				"66": {"That the application be refused."},
			},
			furniture:    []string{"Licensing and Regulatory Committee", "5th April 2022"},
			apologies:    []Person{{Name: "Councillor Joan Fenwick"}, {Name: "Councillor Alan Pryce"}},
			declarations: []Declaration{},
			warnings:     []string{},
		},
		{
			// "Apologies for absence were received from:" over a list of
			// names, one a bullet.
			file:    "minutes-planning-apologies-bullets.txt",
			numbers: []string{"50", "51", "52"},
			resolved: map[string][]string{
				"51": {"To approve and sign the minutes as a true and correct record."},
			},
			apologies:    []Person{{Name: "Cllr Elizabeth Threlkeld"}, {Name: "Cllr Stewart Palmen"}},
			declarations: []Declaration{},
		},
		{
			// A resolution in numbered parts without full stops: its
			// part "3. That the Treasurer report again in June" is not
			// minute 3.
			file:    "minutes-finance-numbered-parts.txt",
			numbers: []string{"1", "2", "3", "4"},
			titles:  map[string]string{"2": "Budget monitoring", "3": "Fees and charges 2023/24"},
			resolved: map[string][]string{
				"2": {"1. That the report be noted 2. That the virement of £15,000 to the repairs budget be approved 3. That the Treasurer report again in June"},
				"3": {"That the fees and charges set out in Appendix B be approved."},
			},
			apologies:    []Person{},
			declarations: []Declaration{},
		},
		{
			// Page numbers alone between blank lines ("2", "5", "6"),
			// within minutes numbered 1 to 6; the chair's signature line
			// drawn with ellipses ("Chairman ……… Date ………").
			file:    "minutes-town-planning-page-numbers.txt",
			numbers: []string{"1", "2", "3", "4", "5", "6"},
			titles:  map[string]string{"3": "Planning applications", "4": "Tree works", "5": "Correspondence", "6": "Date of next meeting"},
			resolved: map[string][]string{
				"3": {"That the Town Council supports the application, subject to the neighbours’ concerns about overlooking being addressed by obscure glazing."},
				"4": {"That no objection be raised to the works to the ash tree at Rectory Field."},
			},
			narratives: map[string]string{
				"3": "the comments of the Conservation Officer.\n\nThe applicant’s agent explained",
				"5": "about the footpath closure.",
			},
			furniture:    []string{"Chairman", "……"},
			apologies:    []Person{{Name: "Cllr S Hart"}},
			declarations: []Declaration{{Name: "Cllr Lewis", Item: "3", Kind: "personal", Nature: "a neighbour of the applicant"}},
			warnings:     []string{},
		},
		{
			// "The Committee RESOLVED that", "the Board RESOLVED to:".
			file:    "minutes-scrutiny-body-resolved.txt",
			numbers: []string{"1", "2", "3", "4", "5", "6", "7"},
			resolved: map[string][]string{
				"2": {"That the quarter 2 performance report be noted."},
				"3": {"To: (a) note the report; and (b) ask the Environment Agency to attend the next meeting."},
				"4": {"That a task and finish group on damp and mould be set up."},
				"5": {"(unanimously) That the work programme be agreed."},
				"6": {"(by 5 votes to 2) That the decision be referred back to Cabinet."},
			},
			narratives:   map[string]string{"3": "Following debate"},
			apologies:    []Person{},
			declarations: []Declaration{},
		},
		{
			// "23/071": the year, a slash, the minute; "… – Land at Hoggs
			// Farm – RESOLVED to object".
			file:    "minutes-parish-year-slash-numbers.txt",
			numbers: []string{"23/071", "23/072", "23/073", "23/074", "23/075", "23/076", "23/077"},
			resolved: map[string][]string{
				"23/073": {"That the minutes of the meeting held on 5 June 2023 be signed"},
				"23/075": {"To object on the grounds of loss of hedgerow."},
				"23/076": {"To approve payments of £2,431.60 as listed."},
				"23/077": {"That a grant of £500 be made."},
			},
			// "Cllr P Green – holiday; Cllr T Hale – work commitments.":
			// the names, each with a reason after a dash.
			apologies: []Person{{Name: "Cllr P Green"}, {Name: "Cllr T Hale"}},
			// "Cllr Booth – item 23/075(b) – personal interest – …": a
			// declaration as a row of a table.
			declarations: []Declaration{
				{Name: "Cllr Booth", Item: "23/075", Kind: "personal", Nature: "lives adjacent to the site"},
				{Name: "Cllr Ellis", Item: "23/077", Kind: "other", Nature: "treasurer of the Village Hall committee"},
			},
		},
		{
			// Running numbers with the text beside them ("1035	Apologies
			// …") and the heading above ("APOLOGIES"), minutes ruled off by
			// lines of underscores.
			file:    "minutes-cabinet-heading-above-number.txt",
			numbers: []string{"1034", "1035", "1036", "1037", "1038", "1039"},
			titles: map[string]string{"1034": "NOTICE OF RECORDING/WEBCAST", "1035": "APOLOGIES", "1036": "DECLARATIONS OF INTERESTS",
				"1037": "MINUTES", "1038": "HOUSING REVENUE ACCOUNT BUSINESS PLAN 2023+", "1039": "BRINDLEFORD HOMES BUSINESS PLAN"},
			narratives: map[string]string{"1035": "Councillors Jenkins and Quinnell.", "1038": "presented the report."},
			warnings:   []string{},
			resolved: map[string][]string{
				"1038": {"That Cabinet approves the Housing Revenue Account Business Plan 2023+"},
				"1039": {"(i) That Cabinet notes the progress of Brindleford Homes; and (ii) Approves"},
			},
			furniture: []string{"_"},
			// "PRESENT: - Councillor Ian Wardle, Leader, in the Chair".
			present: []string{"Councillor Ian Wardle (Leader)", "Councillor Bhatti", "Councillor Cotton", "Councillor Hamid", "Councillor Kaur",
				"Councillor McCarthy", "Councillor Thompson", "Councillor Robert Alden (Leader of the Opposition)", "Deborah Cadman (Chief Executive)"},
			apologies:    []Person{{Name: "Councillor Jenkins"}, {Name: "Councillor Quinnell"}},
			declarations: []Declaration{{Name: "Councillor Cotton", Item: "1039", Kind: "pecuniary", Nature: "a director of Brindleford Homes and left the meeting for that item"}},
		},
		{
			// A London borough's cabinet: "Minute 12/24" beside each
			// heading, the borough's name above the committee's, officers
			// by post joined by semicolons ("Director of Law and
			// Governance"), and a resolution in parts carried over a page
			// break with its running header and footer.
			file:      "minutes-london-borough-cabinet.txt",
			committee: "CABINET",
			numbers:   []string{"12/24", "13/24", "14/24", "15/24", "16/24", "17/24", "18/24", "19/24"},
			resolved: map[string][]string{
				"14/24": {"That the minutes of the meeting held on 16 January 2024 be agreed as a correct record."},
				"15/24": {"That Cabinet recommends to Council: (1) a General Fund net budget requirement of £312.4m for 2024/25; (2) an increase of 4.99% in the Council's element of council tax, of which 2% is the adult social care precept; (3) the capital programme for 2024/25 to 2027/28 as set out in Appendix D; and (4) the Treasury Management Strategy for 2024/25."},
				"16/24": {"That (1) social and affordable rents"},
				"17/24": {"That the Director of Law and Governance be authorised"},
				"18/24": {"That under Section 100A(4)"},
				"19/24": {"That the acquisition of 14-18 Market Parade be approved on the terms set out in the exempt report."},
			},
			narratives: map[string]string{"15/24": "Reason for decision: The Council must set a balanced budget"},
			present: []string{"Councillor Adaeze Nwosu (Leader of the Council) (Chair)", "Councillor Patrick Dunleavy (Deputy Leader)",
				"Councillor Shirin Rahman", "Councillor Tomasz Wisniewski", "Councillor Grace Odukoya", "Councillor Liam Farrow",
				"Councillor Hugh Pemberton (Leader of the Opposition)",
				"Chief Executive", "Strategic Director of Finance", "Director of Law and Governance", "Democratic Services Manager"},
			apologies:    []Person{{Name: "Councillor Marcia Bello", Organisation: "Cabinet Member for Adult Social Care"}},
			declarations: []Declaration{{Name: "Councillor Rahman", Item: "17/24", Kind: "other", Nature: "a trustee of Fernham Community Energy, and left the meeting during its consideration"}},
			furniture:    []string{"Page", "Cabinet –", "call-in"},
			warnings:     []string{},
		},
		{
			// A Welsh town council's minutes in both languages, Welsh
			// first: labels "Yn bresennol / Present:" and "Cynghorwyr /
			// Councillors:", a note that translation was provided, and the
			// closing line "Daeth y cyfarfod i ben … / The meeting closed
			// …" with the signature under it. The English RESOLVED is the
			// resolution; the Welsh PENDERFYNWYD stays in the narrative.
			file:      "minutes-town-council-bilingual.txt",
			committee: "FULL COUNCIL",
			numbers:   []string{"24/31", "24/32", "24/33", "24/34", "24/35", "24/36"},
			resolved: map[string][]string{
				"24/33": {"To approve the minutes of the meeting held on 12 February 2024 as a correct record."},
				"24/35": {"(a) to award a grant of £750 to the Llanferys Eisteddfod; (b) to award a grant of £400 to Llanferys Junior Football Club."},
			},
			titles:     map[string]string{"24/31": "YMDDIHEURIADAU / APOLOGIES", "24/36": "DYDDIAD Y CYFARFOD NESAF / DATE OF NEXT MEETING"},
			narratives: map[string]string{"24/33": "PENDERFYNWYD: Cymeradwyo", "24/36": "Monday 8 April 2024 at 7.00pm."},
			present: []string{"Councillor Elin Pryce (Maer / Mayor)", "Councillor Dafydd Rees (Dirprwy Faer / Deputy Mayor)",
				"Councillor Sioned Hughes", "Councillor Gareth Llewelyn", "Councillor Mair Thomas", "Councillor Rhys Vaughan", "Councillor Owain Wyn",
				"Nia Roberts (Clerc y Dref / Town Clerk)", "Tomos Price (Swyddog Cyfieithu / Translator)"},
			apologies:    []Person{{Name: "Councillor Huw Jenkins"}, {Name: "Councillor Catrin Lloyd"}},
			declarations: []Declaration{{Name: "Councillor Llewelyn", Item: "24/35", Kind: "personal", Nature: "a member of the Llanferys Eisteddfod committee"}},
			furniture:    []string{"closed", "Daeth", "Signed", "Llofnodwyd"},
			warnings:     []string{},
		},
		{
			// A combined authority's decision notice: the meeting as
			// labelled fields, "Item 7" beside each heading, "Decision:"
			// over what the Board decided (kept as a decision) with its
			// reasons and alternatives after it, a note on the notice
			// itself before the items, and the call-in rules after them.
			file:      "minutes-combined-authority-decision-notice.txt",
			committee: "Trentvale Combined Authority Board",
			numbers:   []string{"5", "6", "7", "8", "9"},
			resolved: map[string][]string{
				"6": {"The minutes of the meeting held on 24 November 2023 were agreed as a correct record."},
				"7": {"The Board: (a) approved a grant of £6.2m"},
				"8": {"The Board approved the Bus Service Improvement Plan 2024/25"},
				"9": {"The Board agreed the commissioning plan for the Adult Skills Fund set out in Appendix 1."},
			},
			recordedAs: map[string][]string{"6": {"DECISION"}, "7": {"DECISION"}, "8": {"DECISION"}, "9": {"DECISION"}},
			narratives: map[string]string{"7": "Reasons for the decision: The scheme meets the Fund's criteria"},
			present: []string{"Mayor Joanne Pell (Chair)", "Councillor Ranjit Sandhu (Ashby Borough Council)", "Councillor Moira Keane (Trentford City Council)",
				"Councillor Peter Ogunleye (Wolds District Council)", "Dame Susan Hartley (Business Board)",
				"Councillor Amy Coles"}, // the substitute the apologies name
			apologies:    []Person{{Name: "Councillor Derek Fallon", Organisation: "Riverside Borough Council"}},
			declarations: []Declaration{{Name: "Councillor Keane", Item: "8", Kind: "pecuniary", Nature: "a director of Trentford Bus Company Ltd and took no part in that item"}},
			furniture:    []string{"called in", "governance@"},
			warnings:     []string{},
		},
		{
			// A Scottish council's committee: the council's name above the
			// committee's, "Sederunt" over the members present in two
			// columns, officers as "Name, Post;" with an "and" in the post,
			// "The Committee agreed:-" over lettered decisions (kept as
			// agreed), "The Committee agreed to …" in a sentence, "resolved
			// in terms of Section 50A(4)", and a declaration recalled at its
			// item ("Having declared an interest, …") that is not another.
			file:      "minutes-scottish-committee-sederunt.txt",
			committee: "EDUCATION AND CHILDREN'S SERVICES COMMITTEE",
			numbers:   []string{"1", "2", "3", "4", "5", "6", "7"},
			resolved: map[string][]string{
				"2": {"(a) that the Minute be approved as a correct record."},
				"3": {"(a) to note the content of the report; and (b) that a further report"},
				"4": {"(a) to proceed to a statutory consultation"},
				"5": {"To approve the expansion of Gaelic Medium early learning"},
				"6": {"In terms of Section 50A(4)"},
				"7": {"To award the contracts as set out in Appendix 2 to the report."},
			},
			recordedAs: map[string][]string{"2": {"AGREED"}, "3": {"AGREED"}, "4": {"AGREED"}, "5": {"AGREED"}, "7": {"AGREED"}},
			narratives: map[string]string{"4": "On a vote being taken, 6 members voted for the motion", "5": "Councillor Rennie returned to the meeting."},
			present: []string{"Councillor Morag Lindsay (Convener)", "Councillor Iain Fraser (Vice-Convener)",
				"Councillor Kirsty Baird", "Councillor Alasdair MacLeod", "Councillor Ewan Drummond", "Councillor Fiona Rennie",
				"Councillor Catriona Gillies", "Mr Donald Urquhart (Religious Representative)",
				"Fiona Strachan (Director of Education and Children's Services)", "Graeme Mowat (Head of Education Resources)",
				"Alison Petrie (Committee Officer)", "Councillor Neil Ross"},
			apologies:    []Person{{Name: "Councillor Shona Grant"}, {Name: "Mrs Elspeth Kerr", Organisation: "Religious Representative"}},
			declarations: []Declaration{{Name: "Councillor Rennie", Item: "5", Kind: "other", Nature: "a member of the board of the Invercarron Gaelic Playgroup and left the meeting during its consideration"}},
			furniture:    []string{"GLENMORAY", "Page", "concluded"},
			warnings:     []string{},
		},
		{
			// A Scottish council's committee that numbers each item's
			// paragraphs ("1.1", "3.2") and records what it decided under
			// "Decision" alone, over numbered decisions ("1)", "2)") or
			// one sentence, a "(Reference – report by …, submitted.)"
			// after it; "Motion", "Amendment" and "Voting" blocks before
			// the decision; "Sederunt:", "In attendance:" by post and
			// "Apologies:" as labels; the declaration after its
			// paragraph's number, and a member leaving for the item,
			// which is not another.
			file:      "minutes-scottish-council-decision-paragraphs.txt",
			committee: "HOUSING AND COMMUNITIES COMMITTEE",
			numbers:   []string{"1", "2", "3", "4", "5"},
			resolved: map[string][]string{
				"2": {"To approve the minute of 2 October 2024 as a correct record."},
				"3": {"1) To note the projected underspend of £412,000. 2) To ask the Head of Housing Services"},
				"4": {"To approve the motion by Councillor Munro."},
				"5": {"To note the update."},
			},
			recordedAs: map[string][]string{"2": {"DECISION"}, "3": {"DECISION"}, "4": {"DECISION"}, "5": {"DECISION"}},
			narratives: map[string]string{
				"3": "(Reference – report by the Executive Director of Place, submitted.)",
				"4": "For the motion - 4 votes",
			},
			present: []string{"Councillor Eilidh Munro (Convener)", "Councillor Ross Tennant (Vice-Convener)", "Councillor Aitken",
				"Councillor Buchan", "Councillor Gilchrist", "Councillor McNab", "Councillor Sinclair",
				"Executive Director of Place", "Head of Housing Services", "Service Manager (Homelessness)", "Committee Services Officer"},
			apologies:    []Person{{Name: "Councillor Forsyth"}, {Name: "Councillor Lamont"}},
			declarations: []Declaration{{Name: "Councillor Buchan", Item: "4", Kind: "other", Nature: "a director of Kinlossie Housing Association and left the meeting for that item"}},
			furniture:    []string{"KINLOSSIE COUNCIL", "closed at"},
			warnings:     []string{},
		},
		{
			// A police and crime panel: its members in a table of two
			// columns, "Name" and "Representing", the body each
			// represents kept in brackets after the name; officers one to
			// a line, each a name and a post with an "and" or a comma in
			// it; "The Panel RESOLVED:" over numbered parts, and "The Panel
			// RESOLVED to …" in a sentence.
			file:      "minutes-police-crime-panel.txt",
			committee: "WESTHAVEN POLICE AND CRIME PANEL",
			numbers:   []string{"1", "2", "3", "4", "5", "6", "7", "8"},
			resolved: map[string][]string{
				"3": {"That the minutes of the meeting held on 29 November 2023 be approved"},
				"5": {"(1) to support the proposed precept of £278.46 for a Band D property for 2024/25 without qualification or comment; and (2) that the Chair write"},
				"6": {"To note the report and to ask for an update on waiting times"},
				"7": {"That the work programme be agreed"},
			},
			narratives: map[string]string{"5": "On being put to the vote, 6 members voted in favour and 1 against."},
			present: []string{"Councillor Harriet Moyle (Chair) (Westhaven County Council)", "Councillor Ajay Mistry (Vice-Chair) (Brackley Borough Council)",
				"Councillor Sian Carew (Fenmouth District Council)", "Councillor Robert Tull (Westhaven County Council)",
				"Councillor Yvonne Ashdown (Lowford City Council)", "Mr Kenneth Baptiste (Independent Co-opted Member)",
				"Mrs Lorna Fielding (Independent Co-opted Member)", "Alison Crewe (Police and Crime Commissioner)",
				"Martin Oyelaran (Chief Executive, Office of the Police and Crime Commissioner)",
				"Chief Constable Paul Devereux (Westhaven Police)", "Jo Whitlock (Panel Support Officer)"},
			apologies: []Person{{Name: "Councillor Dennis Hurd", Organisation: "Fenmouth District Council"},
				{Name: "Councillor Amina Rafiq", Organisation: "Brackley Borough Council"}},
			declarations: []Declaration{{Name: "Mr Baptiste", Item: "6", Kind: "personal", Nature: "a volunteer with the Westhaven Victim Support service"}},
			furniture:    []string{"Page", "Westhaven Police and Crime Panel 14"},
			warnings:     []string{},
		},
		{
			// A health and wellbeing board: an NHS logo above the
			// board's name and "MINUTES"; the members in a table of name
			// and post under "Present:"; "The Board NOTED … and AGREED
			// that …" (what it noted stays in the narrative, also when the
			// sentence runs over two lines), "The Board NOTED the action
			// log." alone (noted), "The minutes … were AGREED as a correct
			// record", "The Board AGREED to …";
			// "4. (continued)" at the top of a page; and a table of actions
			// whose references ("HWB/24/01") are not minutes.
			file:      "minutes-health-wellbeing-board.txt",
			committee: "ASHCOMBE HEALTH AND WELLBEING BOARD",
			numbers:   []string{"1", "2", "3", "4", "5", "6"},
			resolved: map[string][]string{
				"3": {"The minutes of the meeting held on 25 January 2024 were AGREED as a correct record.", "The action log."},
				"4": {"That the Healthy Weight Partnership should report its action plan to the July meeting."},
				"5": {"To ratify the Quarter 4 Better Care Fund return."},
				"6": {"To delegate approval of the draft for consultation to the Director of Public Health."},
			},
			recordedAs: map[string][]string{"3": {"AGREED", "NOTED"}, "4": {"AGREED"}, "5": {"AGREED"}, "6": {"AGREED"}},
			narratives: map[string]string{"4": "The Board NOTED the chapter\n\nBoard members asked", "6": "The Board NOTED the timetable for the Pharmaceutical Needs Assessment"},
			present: []string{"Cllr Teresa Hanlon (Chair) (Cabinet Member for Adult Social Care and Health)",
				"Dr Raj Bhandari (Vice-Chair) (Clinical Director, Ashcombe Central PCN)",
				"Cllr Owen Pritchett (Cabinet Member for Children and Families)", "Helen Marsh (Director of Public Health)",
				"Simon Achebe (Director of Adult Social Services)", "Karen Doyle (Place Director, Ashcombe ICB)",
				"Ruth Penhaligon (Chief Executive, Healthwatch Ashcombe)", "Lucy Farrant (Health and Wellbeing Board Manager)",
				"Imran Siddiqui (Democratic Services Officer)"},
			apologies: []Person{{Name: "Superintendent Clare Nolan", Organisation: "Ashcombe Police"},
				{Name: "Mark Eddowes", Organisation: "Ashcombe Community Foundation Trust"}},
			declarations: []Declaration{},
			furniture:    []string{"continued", "HWB/24/01", "Owner"},
			warnings:     []string{},
		},
		{
			// A fire authority: "FA/34/24" references, officers listed by
			// post with the holder in brackets ("Clerk and Monitoring
			// Officer (Rachel Dunmore)" is one officer), and
			// "Recommendation(s)" over what officers proposed, then
			// "Decision" over what the Authority decided: only the
			// decision is a resolution; filed under the authority's full
			// title printed above "MINUTES OF THE MEETING OF THE FIRE
			// AUTHORITY".
			file:      "minutes-fire-authority-recommendation-decision.txt",
			committee: "NORTHMOOR FIRE AND RESCUE AUTHORITY",
			numbers:   []string{"FA/31/24", "FA/32/24", "FA/33/24", "FA/34/24", "FA/35/24", "FA/36/24"},
			resolved: map[string][]string{
				"FA/33/24": {"That the minutes of the meeting held on 23 September 2024 be confirmed"},
				"FA/34/24": {"That the recommendations be approved."},
				"FA/35/24": {"That the recommendation be approved, subject to a review"},
				"FA/36/24": {"That the report be noted."},
			},
			recordedAs: map[string][]string{"FA/33/24": {"DECISION"}, "FA/34/24": {"DECISION"}, "FA/35/24": {"DECISION"}, "FA/36/24": {"DECISION"}},
			narratives: map[string]string{"FA/34/24": "Recommendations\n\nThat the Authority: (a) note the updated Medium Term Financial Plan"},
			present: []string{"Councillor Bryony Ashe (Chair)", "Councillor Neil Cartwright (Vice-Chair)", "Councillor Dilys Fenn",
				"Councillor Tom Hardcastle", "Councillor Priya Lal", "Councillor Gordon Mayhew", "Councillor Susan Okafor",
				"Councillor Warren Quigley", "Chief Fire Officer (Alan Brewster)", "Deputy Chief Fire Officer (Kate Leung)",
				"Treasurer (Ian Sowerby)", "Clerk and Monitoring Officer (Rachel Dunmore)"},
			apologies:    []Person{{Name: "Councillor Graham Pybus"}, {Name: "Councillor Jean Tolley"}},
			declarations: []Declaration{{Name: "Councillor Lal", Item: "FA/35/24", Kind: "personal", Nature: "her son is a retained firefighter with the Service"}},
			furniture:    []string{"Page", "CHAIR", "closed"},
			warnings:     []string{},
		},
		{
			// A parish council: "24/113" references with the text beside
			// them, RESOLVED inside running prose, planning references that
			// are not minutes, and a table of payments ("Payee Details
			// Amount") under "The following payments were RESOLVED for
			// approval:" whose rows, people named among them, are neither
			// the resolution's words nor anyone present; a page footer
			// beside the chairman's initials box.
			file:    "minutes-parish-payments-table.txt",
			numbers: []string{"24/113", "24/114", "24/115", "24/116", "24/117", "24/118", "24/119", "24/120"},
			resolved: map[string][]string{
				"24/115": {"That the Chairman sign them."},
				"24/117": {"To make no objection.", "To support the application."},
				"24/118": {"The following payments were RESOLVED for approval:", "To accept the quotation of £865 from P. Danvers Joinery."},
			},
			narratives: map[string]string{"24/118": "Payee Details Amount\nMrs K. Grove Salary (October) £612.40"},
			present: []string{"Cllr M. Aldous (Chairman)", "Cllr J. Brereton", "Cllr S. Cheung", "Cllr P. Danvers", "Cllr R. Ellery",
				"Cllr V. Fairbairn", "Mrs K. Grove (Clerk and RFO)", "District Cllr H. Ingram"},
			apologies:    []Person{{Name: "Cllr T. Hollis"}},
			declarations: []Declaration{{Name: "Cllr Danvers", Item: "24/118", Kind: "pecuniary", Nature: "the contractor named"}},
			furniture:    []string{"Page", "Chairman .", "Signed"},
			warnings:     []string{},
		},
		{
			// A Northern Irish district council: the attendance in a
			// column of labels ("Members Present", "Officers in" over
			// "Attendance"), members by surname with a mark for remote
			// attendance keyed below, "Councillor Mallon, Chair";
			// "Proposed by … Seconded by … and" over "Resolved" beside
			// its text; a footer numbering each page before the meeting's
			// date; a title's date broken before its year; "signed as
			// accurate and correct" inside a resolution, not the chair's
			// signature.
			file:      "minutes-ni-district-council-label-column.txt",
			committee: "Ballycorran and Sperrin District Council",
			numbers:   []string{"C243/24", "C244/24", "C245/24", "C246/24", "C247/24", "C248/24", "C249/24"},
			resolved: map[string][]string{
				"C246/24": {"That Council hosts a civic reception"},
				"C247/24": {"That the minutes of the meeting of Council held on Thursday 24 October 2024 (C219/24 – C242/24 and C253/24 – C261/24) were considered and signed as accurate and correct."},
				"C248/24": {"That the minutes of the Development Committee"},
				"C249/24": {"That this Council notes with concern"},
			},
			titles: map[string]string{"C248/24": "Receive minutes of Development Committee held on Thursday 7 November 2024"},
			present: []string{"Councillor Mallon (Chair)", "Councillor Agnew", "Councillor Brolly", "Councillor Corrigan", "Councillor Devlin",
				"Councillor Ferguson", "Councillor Gormley", "Councillor Hackett", "Councillor Kerr", "Councillor McAleer", "Councillor McGarvey",
				"Councillor Monaghan", "Councillor Quinn", "Councillor Robinson", "Councillor Shiels", "Councillor Wilson",
				"Mr Toner (Chief Executive)", "Ms Conlon (Strategic Director of Environment)", "Mr Hegarty (Strategic Director of Communities)",
				"Mrs Lennon (Head of Democratic Services)", "Ms Breen (Democratic Services Officer)",
				// The body he represents, printed after his name.
				"Mr Colm Doherty (Sperrin Rural Transport)"},
			apologies: []Person{{Name: "Councillor Cassidy"}, {Name: "Councillor O'Hare"}},
			declarations: []Declaration{
				{Name: "Councillor Brolly", Item: "C251/24", Kind: "other", Nature: "a member of the management committee of Glenmore Community Association"},
				{Name: "Councillor Kerr", Item: "C251/24", Kind: "other"},
			},
			furniture: []string{"Council (21.11.24)", "Denotes"},
			warnings:  []string{},
		},
		{
			// A Northern Irish council's committee: "MINUTES OF THE
			// PROCEEDINGS OF THE MEETING OF THE … COMMITTEE", "In the
			// Chair:" over "Present:" with aldermen and councillors by
			// surname, officers by post with the name in brackets under
			// "In Attendance:", "Apologies" without a colon; "CONFLICTS
			// OF INTEREST" naming the item's title between commas;
			// "Proposed by … Seconded by … and" over "AGREED –" or
			// "RECOMMENDED –" (what the committee recommends to the
			// Council); "NOTED." alone is narrative.
			file:      "minutes-ni-council-committee-agreed-recommended.txt",
			committee: "ENVIRONMENTAL SERVICES COMMITTEE",
			numbers:   []string{"1", "2", "3", "4", "5", "6"},
			resolved: map[string][]string{
				"3": {"That the minutes of the meeting held on Tuesday 8 October 2024 be taken as read"},
				"4": {"That Council extends kerbside glass collection to all households in the Borough from 1 April 2025."},
				"5": {"To recommend that grants totalling £14,500 be awarded"},
			},
			recordedAs: map[string][]string{"3": {"AGREED"}, "4": {"RECOMMENDED"}, "5": {"AGREED"}},
			narratives: map[string]string{"4": "Proposed by Alderman Boyd Seconded by Councillor Wylie", "5": "Councillor Gault returned to the Chamber."},
			present: []string{"Alderman McKinstry (Chair)", "Alderman Boyd", "Alderman Currie", "Councillor Donnelly", "Councillor Gault",
				"Councillor Hegarty", "Councillor McAuley", "Councillor O'Kane", "Councillor Wylie",
				"Mr R Brannigan (Director of Environmental Services)", "Ms L Cosgrove (Head of Waste Management)", "Mrs K Dunlop (Member Services Officer)"},
			apologies:    []Person{{Name: "Alderman Stewart"}, {Name: "Councillor Trainor"}},
			declarations: []Declaration{{Name: "Councillor Gault", Item: "5", Kind: "other", Nature: "treasurer of Ballykeel Community Association"}},
			furniture:    []string{"LOUGHMORNE", "In the Chair"},
			warnings:     []string{},
		},
		{
			// A ModernGov minutes page printed from a browser: the time
			// it was printed and the page's title at the head of every
			// sheet, its address and "1/3" at the foot, the site's links
			// above the minutes, "PDF 198 KB" after titles, a title
			// broken at the page's width, "Minutes:" labels.
			file:      "minutes-moderngov-printed-page.txt",
			committee: "Licensing and Regulatory Committee",
			numbers:   []string{"26", "27", "28", "29", "30", "31", "32"},
			resolved: map[string][]string{
				"28": {"That the minutes of the meeting held on 8 October 2024 be confirmed"},
				"29": {"That Council be recommended to: (1) approve"},
				"30": {"That the application be granted"},
				"31": {"That under Section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in Paragraph 1 of Part 1 of Schedule 12A to the Act."},
				"32": {"That the application be refused, for the reasons set out in the exempt decision notice."},
			},
			titles: map[string]string{
				"28": "Minutes of the previous meeting",
				"30": "Licensing Act 2003 - Application for a Premises Licence - The Old Forge, 4 Mill Lane, Westmoor",
			},
			narratives:   map[string]string{"29": "Eleven responses had been received,\n\nthree of them from operators"},
			apologies:    []Person{{Name: "Councillor Okafor"}, {Name: "Councillor Penrose"}},
			declarations: []Declaration{{Name: "Councillor Haddad", Item: "30", Kind: "personal", Nature: "a regular customer of the premises, and took no part in the determination"}},
			furniture:    []string{"14/11/2024", "09:12", "https://", "1/3", "PDF", "Skip to"},
			warnings:     []string{},
		},
		{
			// A Scottish integration joint board's "Minute of Meeting":
			// the board named in the opening sentence, under the
			// partnership's heading; members in a table of name and body
			// or post under "Voting Members" and "Non-Voting Members",
			// apologies in the same table; "DECISION" over what the board
			// decided; "Action: Chief Officer" under it names who carries
			// the decision out.
			file:      "minutes-scottish-ijb-minute-of-meeting.txt",
			committee: "Strathglen Integration Joint Board",
			numbers:   []string{"1", "2", "3", "4", "5", "6", "7", "8"},
			resolved: map[string][]string{
				"5": {"The Integration Joint Board: (a) noted the projected overspend"},
				"6": {"The Integration Joint Board approved the consultation draft"},
				"7": {"The Integration Joint Board: (a) noted the progress made"},
			},
			recordedAs: map[string][]string{"5": {"DECISION"}, "6": {"DECISION"}, "7": {"DECISION"}},
			present: []string{"Councillor Fiona MacLeod (Chair) (Strathglen Council)", "Mairi Sutherland (Vice Chair) (NHS Strathglen)",
				"Councillor Andrew Kerr (Strathglen Council)", "Councillor Rhona Buchanan (Strathglen Council)", "Dr Alasdair Munro (NHS Strathglen)",
				"Elaine Fraser (NHS Strathglen)", "Morag Duncan (Chief Officer)", "Calum Reid (Chief Finance Officer)", "Dr Euan Baird (Clinical Director)",
				"Shona Paterson (Chief Social Work Officer)", "Iain Matheson (Carers' Representative)", "Lorna Gillespie (Head of Strategic Planning)",
				"Ruth Anderson (Committee Officer, Minute)"},
			apologies:    []Person{{Name: "Councillor James Whyte", Organisation: "Strathglen Council"}, {Name: "Kenneth Ross", Organisation: "Staff Side Representative"}},
			declarations: []Declaration{{Name: "Dr Alasdair Munro", Item: "7", Kind: "other", Nature: "a partner in the Inverlochy Medical Practice"}},
			furniture:    []string{"Page 1 of 3", "Voting Members"},
			warnings:     []string{},
		},
		{
			// A town council numbering its minutes "TC/24/117": lettered
			// sub-items each with its resolution after its subject ("a)
			// Payments: RESOLVED to …"), a declaration "in TC/24/118(b)",
			// cross references (TC/24/096 – TC/24/111) and a planning
			// reference that are not minutes, a footer "FC 14.10.24 Page
			// 1 of 2".
			file:    "minutes-town-council-prefixed-references.txt",
			numbers: []string{"TC/24/112", "TC/24/113", "TC/24/114", "TC/24/115", "TC/24/116", "TC/24/117", "TC/24/118", "TC/24/119", "TC/24/120"},
			resolved: map[string][]string{
				"TC/24/113": {"To accept the apologies"},
				"TC/24/115": {"That the minutes of the Full Council meeting"},
				"TC/24/117": {"To adopt recommendation F&GP/24/041"},
				"TC/24/118": {"To approve the schedule of payments for September 2024 totalling £48,216.40.", "To award a grant of £750", "To instruct the Clerk"},
				"TC/24/119": {"To object to the application"},
			},
			apologies: []Person{{Name: "Cllr K Quayle"}, {Name: "Cllr H Varga"}},
			declarations: []Declaration{
				{Name: "Cllr Blythe", Item: "TC/24/118", Kind: "other", Nature: "a trustee of Pellingford Community Larder"},
				{Name: "Cllr Pryce", Item: "TC/24/119", Kind: "pecuniary", Nature: "the owner of a property adjoining the site and left the room for that item"},
			},
			furniture: []string{"FC 14.10.24", "Page 1", "Signed"},
			warnings:  []string{},
		},
		{
			// A county committee's minutes as a table: the number, the
			// subject over as many lines as it takes, and the discussion
			// and resolution beside them, under a heading "Minute
			// Subject Resolution / Discussion"; "County Councillors A,
			// B" in the attendance and the apologies.
			file:      "minutes-county-committee-subject-column.txt",
			committee: "Highways and Transport Scrutiny Committee",
			numbers:   []string{"45/24", "46/24", "47/24", "48/24", "49/24", "50/24"},
			resolved: map[string][]string{
				"47/24": {"That the minutes of the meeting held on 4 July 2024 be confirmed and signed as a correct record."},
				"48/24": {"That the Cabinet be recommended: (a) to approve"},
				"49/24": {"That the progress be noted and a further report be brought to the Committee in April 2025."},
				"50/24": {"That the work programme be approved"},
			},
			titles: map[string]string{
				"45/24": "Apologies and Substitutions",
				"48/24": "Highways Capital Programme 2025/26",
				"49/24": "Active Travel Infrastructure Plan (LCWIP) – Progress Report",
			},
			narratives: map[string]string{"45/24": "Apologies were received from County Councillors Beckett and Morley."},
			// "Director of Highways and Transport": one officer, whose
			// post keeps its "and".
			present: []string{"County Councillor J Ellery (Chair)", "County Councillor P Ahmed", "County Councillor S Beaumont", "County Councillor R Ellis",
				"County Councillor C Gillan", "County Councillor M Lowther", "County Councillor D Tan", "County Councillor H Yardley",
				"Director of Highways and Transport", "Head of Network Management", "Scrutiny Officer"},
			apologies:    []Person{{Name: "County Councillor Beckett"}, {Name: "County Councillor Morley"}},
			declarations: []Declaration{{Name: "County Councillor Ellis", Item: "49/24", Kind: "personal", Nature: "a member of Kingsford Cycling Club"}},
			furniture:    []string{"Page 14", "Resolution / Discussion", "Chair …"},
			warnings:     []string{},
		},
		{
			// An NHS trust's board: members in a table under "Name
			// Title", minute references "TB24/101", and who acts printed
			// in a margin under "Action" ("COO", "DoF") beside the
			// sentence that gives the action, which is not part of the
			// minute's words.
			file: "minutes-nhs-trust-board-action-margin.txt",
			// "Minutes of the Public Board of Directors Meeting": the
			// board's meeting held in public; its minutes are the
			// board's.
			committee: "Board of Directors",
			numbers:   []string{"TB24/101", "TB24/102", "TB24/103", "TB24/104", "TB24/105", "TB24/106", "TB24/107", "TB24/108"},
			resolved: map[string][]string{
				"TB24/104": {"The action log."},
				"TB24/106": {"That the Board approve the revised capital plan"},
				"TB24/107": {"That the Board approve the transfer of the community dental service"},
			},
			recordedAs: map[string][]string{"TB24/104": {"NOTED"}},
			narratives: map[string]string{
				"TB24/105": "The Chief Operating Officer to bring a recovery trajectory for diagnostics to the October Board.",
				"TB24/107": "The Director of Finance to circulate the due diligence report to Board members by 30 September 2024.",
			},
			present: []string{"Dame Helen Ashby (Chair)", "Mark Osei (Chief Executive)", "Dr Priya Raman (Medical Director)", "Joanne Kettle (Chief Nurse)",
				"Graham Lowe (Director of Finance)", "Susan Adeyemi (Non-Executive Director)", "Peter Flint (Non-Executive Director)",
				"Claire Hobbs (Trust Secretary, minutes)", "Aled Morgan (Chief Operating Officer)"},
			apologies:    []Person{{Name: "Professor Ruth Kimber", Organisation: "Non-Executive Director"}},
			declarations: []Declaration{{Name: "Peter Flint", Item: "TB24/107", Kind: "other", Nature: "a director of Kingsmere Community Health CIC"}},
			furniture:    []string{"COO", "DoF", "Page 1 of 2"},
			warnings:     []string{},
		},
		{
			// A school's governing body: governors in a table under
			// "Name  Category of governor", the chair marked beside her
			// name; consent to absences; "Q:" and "A:" for a
			// governor's challenge and the answer; "Decision:" over
			// what governors approved; who acts in the margin under
			// "Action" ("HT", "Clerk", "SL"); "signed by the" over
			// "Chair." inside a minute, not the signature.
			file:      "minutes-school-governing-body-actions.txt",
			committee: "Full Governing Body",
			numbers:   []string{"1", "2", "3", "4", "5", "6", "7", "8"},
			resolved: map[string][]string{
				"5": {"Governors approved the Child Protection and Safeguarding Policy 2024/25."},
				"6": {"Governors approved the revised budget for 2024/25"},
			},
			recordedAs: map[string][]string{"5": {"DECISION"}, "6": {"DECISION"}},
			narratives: map[string]string{
				"3": "signed by the Chair. Matters arising: the asbestos survey",
				"4": "A: It has fallen from 17% to 13%",
			},
			present: []string{"Mrs Alison Pearce (Chair) (Co-opted Governor)", "Mr Daniel Osei (Headteacher)", "Mrs Kiran Bhatt (Parent Governor)",
				"Mr Stuart Lomas (Local Authority Governor)", "Ms Fiona Reid (Co-opted Governor)", "Mr Peter Yeung (Staff Governor)",
				"Mrs Jane Hollis (Clerk to the Governing Body)", "Ms Rachel Adams (School Business Manager, for item 6)"},
			apologies:    []Person{{Name: "Mr Tom Griffiths"}, {Name: "Mrs Lucy Shaw"}},
			declarations: []Declaration{{Name: "Mrs Bhatt", Item: "6", Kind: "other", Nature: "her husband is a director of the company that provides the school's catering"}},
			actions: []Action{
				{Minute: "4", Text: "The Headteacher to circulate the attendance breakdown by year group before the next meeting.", Owner: "HT"},
				{Minute: "5", Text: "The Clerk to publish the policy on the school website.", Owner: "Clerk"},
				{Minute: "7", Text: "Mr Lomas to book the governor safer recruitment training by 1 November 2024.", Owner: "SL", Due: "2024-11-01"},
			},
			furniture: []string{"Page 1 of 1", "Signed"},
			warnings:  []string{},
		},
		{
			// A Welsh county council's committee: headings in Welsh,
			// then English after a slash ("Cofnodion / Minutes",
			// "PWYLLGOR CRAFFU CYMUNEDAU / COMMUNITIES SCRUTINY
			// COMMITTEE"), the text in English; "Councillors:" alone
			// over the members' initials and surnames ("H.A.L. Evans");
			// "The following Officers were in attendance:" over names
			// and posts joined by semicolons; the hours it sat in
			// brackets under the attendance; declarations as a table
			// of councillor, minute and nature, recalled by "[NOTE: …
			// having earlier declared an interest …]"; "UNANIMOUSLY
			// RESOLVED"; the chair's signature in both languages.
			file:      "minutes-welsh-county-bilingual-headings.txt",
			committee: "COMMUNITIES SCRUTINY COMMITTEE",
			numbers:   []string{"1", "2", "3", "4", "5", "6", "7"},
			resolved: map[string][]string{
				"4": {"(unanimously) that the minutes of the meeting of the Committee held on 26 September 2024 be signed as a correct record."},
				"5": {"(unanimously) that the report be received."},
				"6": {"To recommend to Cabinet that: 6.1 the draft Food Poverty Action Plan be approved for consultation;"},
				"7": {"That the Forward Work Programme for 2024/25 be noted."},
			},
			titles: map[string]string{"1": "YMDDIHEURIADAU AM ABSENOLDEB / APOLOGIES FOR ABSENCE"},
			present: []string{"Councillor E. Pritchard (Chair)", "Councillor H.A.L. Evans", "Councillor S. Jenkins", "Councillor D.M. Cundy",
				"Councillor R. James", "Councillor A. Vaughan Owen", "Councillor M. Thomas",
				"Councillor G. Morgan (Cabinet Member for Housing and Regeneration)",
				"J. Rees-Williams (Director of Place and Infrastructure)", "L. Davies (Head of Housing and Public Protection)",
				"C. Powell (Democratic Services Officer)"},
			apologies: []Person{{Name: "Councillor K. Broom"}, {Name: "Councillor T. Hughes-Parry"}},
			declarations: []Declaration{
				{Name: "Councillor D.M. Cundy", Item: "5", Kind: "personal", Nature: "Her daughter is a tenant of the Council"},
				{Name: "Councillor R. James", Item: "6", Kind: "personal", Nature: "He is a trustee of Teifi Valley Foodbank"},
			},
			furniture: []string{"CADEIRYDD", "DYDDIAD"},
			warnings:  []string{},
		},
		{
			// Minutes printed only in Welsh: "COFNODION" under the
			// committee's name, "YN BRESENNOL:", items titled
			// "YMDDIHEURIADAU" (apologies) and "DATGAN BUDDIANT"
			// (declarations of interest), the declaration as a row
			// "– eitem 4 – buddiant personol –", and "PENDERFYNWYD:"
			// (resolved) with no English beside it.
			file:      "minutes-welsh-community-council-welsh-only.txt",
			committee: "PWYLLGOR CYNLLUNIO",
			numbers:   []string{"1", "2", "3", "4"},
			resolved: map[string][]string{
				"3": {"cymeradwyo'r cofnodion fel rhai cywir."},
				"4": {"cefnogi'r cais."},
			},
			titles:       map[string]string{"1": "YMDDIHEURIADAU", "2": "DATGAN BUDDIANT"},
			present:      []string{"E. Pritchard (Cadeirydd)", "H. Evans", "S. Jenkins", "R. Owen"},
			apologies:    []Person{{Name: "K. Broom"}},
			declarations: []Declaration{{Name: "S. Jenkins", Item: "4", Kind: "personal", Nature: "mae'n byw drws nesaf i'r safle"}},
			warnings:     []string{},
		},
		{
			// A Welsh town council printing its minutes only in Welsh, in
			// sentences: the time "am 6.30 y.h." with the venue after
			// it; "Y Cynghorydd …" and "Cynghorwyr Bowen, … ac Ellis";
			// "Hefyd yn bresennol:"; "Derbyniwyd ymddiheuriadau gan y
			// Cynghorydd … a'r Cynghorydd … a oedd …"; "… ac
			// PENDERFYNWYD bod …", "4.2 PENDERFYNWYD: …" and "… a
			// PHENDERFYNWYD …"; "fel y penderfynwyd" (as was decided),
			// which is no resolution; "Daeth y cyfarfod i ben".
			file:      "minutes-welsh-town-council-welsh-sentences.txt",
			committee: "CYNGOR TREF ABERHAFREN",
			numbers:   []string{"1", "2", "3", "4", "5", "6"},
			resolved: map[string][]string{
				"3": {"bod y cofnodion yn cael eu llofnodi fel rhai cywir."},
				"4": {"bod y taliadau yn cael eu cymeradwyo."},
				"5": {"rhoi grant o £350 i'r Clwb."},
			},
			narratives: map[string]string{"3": "Cyflwynwyd cofnodion y cyfarfod", "6": "fel y penderfynwyd yn y cyfarfod blaenorol."},
			present: []string{"Cynghorydd Gwenllian Huws (Maer)", "Cynghorydd Dafydd Lloyd (Dirprwy Faer)", "Cynghorydd Bowen",
				"Cynghorydd Parry", "Cynghorydd Tudur", "Cynghorydd Ellis", "Mrs Nia Roberts (Clerc y Dref)"},
			apologies:    []Person{{Name: "Cynghorydd Aled Rees"}, {Name: "Cynghorydd Bethan Morgan"}},
			declarations: []Declaration{{Name: "Cyng. M. Parry", Item: "5", Kind: "personal", Nature: "mae'n aelod o Glwb Pêl-droed Aberhafren"}},
			furniture:    []string{"Daeth y cyfarfod", "PENDERFYNWYD"},
			warnings:     []string{},
		},
		{
			// A national park authority's planning committee: the
			// meeting as labelled fields ("Meeting:", "Date:",
			// "Venue:"), the chair by a label of their own above
			// "Present:", members appointed by councils ("Cllr") and by
			// the Secretary of State ("Mr", "Prof"); minute numbers
			// "97/24" beside titles in capitals, a title broken before
			// the application's reference ("(NP/FM/0624/0612, JK)");
			// "RESOLVED:" alone over "That the application be REFUSED
			// for the following reasons:" and numbered reasons or
			// conditions; the vote told in sentences; an adjournment,
			// and a member who left for an item.
			file:      "minutes-national-park-planning-committee.txt",
			committee: "Planning Committee",
			numbers:   []string{"97/24", "98/24", "99/24", "100/24", "101/24", "102/24", "103/24"},
			resolved: map[string][]string{
				"101/24": {"That the application be REFUSED for the following reasons: 1. The proposed conversion"},
				"102/24": {"That the application be APPROVED subject to the following conditions: 1. Statutory time limit."},
				"103/24": {"That the report be noted."},
			},
			titles: map[string]string{
				"101/24": "FULL APPLICATION - CONVERSION OF FIELD BARN TO HOLIDAY LET AT HOLLY FARM, HARTSOP (NP/FM/0624/0612, JK)",
			},
			narratives: map[string]string{
				"101/24": "The meeting adjourned at 11:05 for a short break and reconvened at 11:15.",
				"102/24": "Cllr Potter left the meeting for this item.",
			},
			present: []string{"Mr R Halloran (Chair)", "Prof J Danvers", "Cllr P Brady", "Cllr M Chaplin", "Mr B Hanson", "Cllr A Hart",
				"Ms A McCloy", "Cllr K Potter", "Miss L Slack", "Mr K Smith"},
			apologies: []Person{{Name: "Cllr C Greaves"}, {Name: "Mr Z Hamid"}},
			declarations: []Declaration{
				{Name: "Cllr Potter", Item: "7", Kind: "personal", Nature: "he is a member of Lowdale Parish Council, which had commented on the application"},
			},
			furniture: []string{"The meeting ended"},
			warnings:  []string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			m, err := ParseMinutes(readTestdata(t, "testdata/"+tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if tc.committee != "" && m.Meeting.Committee != tc.committee {
				t.Errorf("committee %q, want %q", m.Meeting.Committee, tc.committee)
			}
			var numbers []string
			for _, mi := range m.Minutes {
				numbers = append(numbers, mi.Number)
				want := tc.resolved[mi.Number]
				if len(mi.Resolutions) != len(want) {
					t.Errorf("minute %s: resolutions %q, want %d starting %q", mi.Number, mi.Resolutions, len(want), want)
					continue
				}
				for i, r := range mi.Resolutions {
					if !strings.HasPrefix(r, want[i]) {
						t.Errorf("minute %s: resolution %q, want it to start %q", mi.Number, r, want[i])
					}
				}
			}
			for _, mi := range m.Minutes {
				if diff := cmp.Diff(mi.RecordedAs, tc.recordedAs[mi.Number]); diff != "" {
					t.Errorf("minute %s: recorded as (-got +want):\n%s", mi.Number, diff)
				}
				if want, ok := tc.titles[mi.Number]; ok && mi.Title != want {
					t.Errorf("minute %s: title %q, want %q", mi.Number, mi.Title, want)
				}
				if want, ok := tc.narratives[mi.Number]; ok && !strings.Contains(mi.Narrative, want) {
					t.Errorf("minute %s: narrative %q, want it to hold %q", mi.Number, mi.Narrative, want)
				}
				for _, f := range tc.furniture {
					if text := mi.Title + " " + mi.Narrative + " " + strings.Join(mi.Resolutions, " "); strings.Contains(text, f) {
						t.Errorf("minute %s holds the page's %q: %q", mi.Number, f, text)
					}
				}
			}
			if diff := cmp.Diff(numbers, tc.numbers); diff != "" {
				t.Errorf("minutes (-got +want):\n%s", diff)
			}
			// present is everyone the attendance names, in the order
			// printed, as read before those in attendance were a list of
			// their own: the goldens hold which list each is in.
			if diff := cmp.Diff(m.AsReadBefore().Present, tc.present); tc.present != nil && diff != "" {
				t.Errorf("present (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Apologies, tc.apologies); diff != "" {
				t.Errorf("apologies (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Declarations, tc.declarations); diff != "" {
				t.Errorf("declarations (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Warnings, tc.warnings); tc.warnings != nil && diff != "" {
				t.Errorf("warnings (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(m.Actions, tc.actions); tc.actions != nil && diff != "" {
				t.Errorf("actions (-got +want):\n%s", diff)
			}
		})
	}
}

// TestPaymentsTableNotResolved checks that the rows of a table of payments
// printed under the resolution approving them are not read as its words,
// even though the resolution reads as unfinished (it ends in a colon).
func TestPaymentsTableNotResolved(t *testing.T) {
	m, err := ParseMinutes(readTestdata(t, "testdata/minutes-parish-payments-table.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, mi := range m.Minutes {
		if mi.Number != "24/118" {
			continue
		}
		want := []string{"The following payments were RESOLVED for approval:", "To accept the quotation of £865 from P. Danvers Joinery."}
		if diff := cmp.Diff(mi.Resolutions, want); diff != "" {
			t.Errorf("resolutions (-got +want):\n%s", diff)
		}
		return
	}
	t.Fatal("minute 24/118 not found")
}

// TestAgendaNumberAboveMinute: some councils print the agenda's number on
// the line above the minute's, "7." over "28. YOUTH ANTI-SOCIAL
// BEHAVIOUR", or "Item 7" over "Minute 28 – Youth …"; a district
// council prints the agenda's number with the title and its minute
// reference below ("1. Election of the Chairman;" over "01/23"). Each
// pair is one minute, numbered as the minute, titled as printed, and it
// is the minute of that agenda item, where an action log's "Item" column
// puts its actions.
func TestAgendaNumberAboveMinute(t *testing.T) {
	const head = `SEFTON SAFER COMMUNITIES PARTNERSHIP

MINUTES OF THE MEETING HELD ON THURSDAY 9 DECEMBER 2021 AT 10.00 AM, MICROSOFT TEAMS REMOTE MEETING

PRESENT: Ian Barton (Chair), Neil Frackelton (SWACA), Sue Holden (Sefton CVS)

`
	const log = `
Action log

| Item | Action | Owner | Due |
|---|---|---|---|
| 7 | Circulate the youth diversion figures | Sue Holden | 31/01/2022 |
| 8 | Book the venue | Clerk | 28/02/2022 |
`
	type minute struct{ Number, Title string }
	want := []minute{
		{"25", "APOLOGIES FOR ABSENCE"},
		{"26", "MINUTES OF THE PREVIOUS MEETING"},
		{"28", "YOUTH ANTI-SOCIAL BEHAVIOUR"},
		{"29", "DATE OF NEXT MEETING"},
	}
	wantActions := []Action{
		{Minute: "28", Text: "Circulate the youth diversion figures", Owner: "Sue Holden", Due: "2022-01-31"},
		{Minute: "29", Text: "Book the venue", Owner: "Clerk", Due: "2022-02-28"},
	}
	cases := []struct{ name, text string }{
		{"number alone above", head + `5.
25. APOLOGIES FOR ABSENCE

Apologies for absence were received from Graeme Robson (Merseyside Police).

6.
26. MINUTES OF THE PREVIOUS MEETING

RESOLVED: That the minutes of the meeting held on 9 September 2021 be approved as a correct record.

7.
28. YOUTH ANTI-SOCIAL BEHAVIOUR

The Partnership received a presentation on youth anti-social behaviour in Bootle and Southport.

RESOLVED: That the presentation be noted.

8.
29. DATE OF NEXT MEETING

RESOLVED: That the next meeting be held on Thursday 17 March 2022.
` + log},
		{"Item above Minute", head + `Item 5
Minute 25 – APOLOGIES FOR ABSENCE

Apologies for absence were received from Graeme Robson (Merseyside Police).

Item 6
Minute 26 – MINUTES OF THE PREVIOUS MEETING

RESOLVED: That the minutes of the meeting held on 9 September 2021 be approved as a correct record.

Item 7

Minute 28 – YOUTH ANTI-SOCIAL BEHAVIOUR

The Partnership received a presentation on youth anti-social behaviour in Bootle and Southport.

RESOLVED: That the presentation be noted.

Item 8
Minute 29 – DATE OF NEXT MEETING

RESOLVED: That the next meeting be held on Thursday 17 March 2022.
` + log},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseMinutes(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []minute
			for _, mn := range m.Minutes {
				got = append(got, minute{mn.Number, mn.Title})
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("minutes (-want +got):\n%s", diff)
			}
			if len(m.Minutes) == 4 && (len(m.Minutes[2].Resolutions) != 1 || m.Minutes[2].Resolutions[0] != "That the presentation be noted.") {
				t.Errorf("minute 28 resolved %q", m.Minutes[2].Resolutions)
			}
			if diff := cmp.Diff(wantActions, m.Actions); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
			for _, w := range m.Warnings {
				if strings.Contains(w, "no title") || strings.Contains(w, "agenda item") {
					t.Errorf("warning: %s", w)
				}
			}
		})
	}

	t.Run("district council, minute reference below", func(t *testing.T) {
		m, err := ParseMinutes(readTestdata(t, "testdata/corpus/style-district-agenda-number-minute-below.txt"))
		if err != nil {
			t.Fatal(err)
		}
		var got []minute
		for _, mn := range m.Minutes {
			got = append(got, minute{mn.Number, mn.Title})
		}
		want := []minute{{"01/23", "Election of the Chairman of the Council"}, {"02/23", "Address by the New Chairman of Council"}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("minutes (-want +got):\n%s", diff)
		}
		if len(m.Minutes) > 1 && strings.Contains(m.Minutes[1].Narrative, "02/23") {
			t.Errorf("minute reference left in the narrative: %q", m.Minutes[1].Narrative)
		}
	})
}

// TestMinuteNumberAboveItsParagraphs: a minute's own number printed alone
// above its paragraphs, numbered within it ("7." over "7.1 The Partnership
// received …" and "7.2 RESOLVED: …"), is not an agenda's number above a
// minute's: the minute stays 7, and its resolution is recorded, rather
// than the paragraphs read as minutes 7.1 and 7.2 titled with their text
// and the resolution lost.
func TestMinuteNumberAboveItsParagraphs(t *testing.T) {
	text := `SEFTON SAFER COMMUNITIES PARTNERSHIP

MINUTES OF THE MEETING HELD ON THURSDAY 9 DECEMBER 2021 AT 10.00 AM, MICROSOFT TEAMS REMOTE MEETING

PRESENT: Ian Barton (Chair), Neil Frackelton (SWACA), Sue Holden (Sefton CVS)

6.
6.1 Apologies for absence were received from Graeme Robson (Merseyside Police).

7.
7.1 The Partnership received a presentation on youth anti-social behaviour.
7.2 RESOLVED: That the presentation be noted.

8.
8.1 RESOLVED: That the next meeting be held on Thursday 17 March 2022.
`
	m, err := ParseMinutes(text)
	if err != nil {
		t.Fatal(err)
	}
	resolved := map[string][]string{}
	for _, mn := range m.Minutes {
		if strings.Contains(mn.Number, ".") {
			t.Errorf("a paragraph read as minute %s %q", mn.Number, mn.Title)
		}
		resolved[mn.Number] = mn.Resolutions
	}
	want := map[string][]string{
		"7": {"That the presentation be noted."},
		"8": {"That the next meeting be held on Thursday 17 March 2022."},
	}
	for n, res := range want {
		if diff := cmp.Diff(res, resolved[n]); diff != "" {
			t.Errorf("minute %s resolved (-want +got):\n%s", n, diff)
		}
	}
}
