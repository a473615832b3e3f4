package console_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/quorumhq/quorum/commands"
	"github.com/quorumhq/quorum/console"
	"github.com/quorumhq/quorum/storage"
	"github.com/quorumhq/quorum/storage/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// noon is the console's clock: Monday 23 November 2026, 12:00.
var noon = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// session runs input through a console on the sample committee and
// returns what it printed.
func session(t *testing.T, svc *commands.Service, input string) string {
	t.Helper()
	var out bytes.Buffer
	c := &console.Console{
		Service: svc, In: strings.NewReader(input), Out: &out, TeamID: "TCONSOLE", ChannelID: "CCONSOLE",
		Now: func() time.Time { return noon },
	}
	if err := c.Run(context.Background()); err != nil {
		t.Fatalf("console: %v", err)
	}
	return out.String()
}

// sample is the sample committee on a fresh database, kept by store (the
// database itself when nil).
func sample(t *testing.T, store func(*storage.DB) commands.Store) *commands.Service {
	t.Helper()
	db := pgtest.New(t)
	if _, err := commands.LoadSample(context.Background(), db, "TCONSOLE", "CCONSOLE", noon); err != nil {
		t.Fatal(err)
	}
	if store == nil {
		return commands.New(db, commands.SampleDirectory{})
	}
	return commands.New(store(db), commands.SampleDirectory{})
}

func TestConsole(t *testing.T) {
	svc := sample(t, nil)
	tests := []struct {
		name, input string
		want        []string
	}{
		{"a private reply and its button", "/apologies Unwell\n:press 1\n:press 1\n", []string{
			"── only you can see this ──",
			"Your apologies for the meeting of *Safer Sefton Together* on Thursday 10 December 2026, 10:00, Remote Meeting are recorded.",
			"[1: Withdraw apologies]  (:press N)",
			"are withdrawn: you are expected to attend.",
			"The last reply has no buttons.",
		}},
		{"another member, and mentions both ways", ":as neil\n/apologies Unwell sub @graeme\n/apologies list\n", []string{
			"You are now Neil Frackelton (SWACA).",
			"Neil Frackelton> ",
			"Graeme Robson, named as substitute for Neil Frackelton, is a member in their own right and attends as themselves.",
		}},
		{"links and channels as Slack shows them", "/agenda add 7.5 SWACA — Neil Frackelton\n/agenda post\n:as neil\n/report 7.5 https://example.org/swaca.pdf SWACA update\n/agenda\n/report 7.5 https://example.org/swaca2.pdf\n/agenda\n", []string{
			"SWACA update (https://example.org/swaca.pdf)",
			"Report: https://example.org/swaca2.pdf\n",
			"is on its way to #cconsole.",
		}},
		{"members", ":who\n:as nobody\n", []string{
			"* @ian      Ian Barton (Sefton Council, officer)",
			"  @neil     Neil Frackelton (SWACA, member)",
			`No member called "nobody"; :who lists them.`,
		}},
		// A part of two members' names is not taken for the first of them.
		{"a name two members share", ":as kev\n:as kevin s\n", []string{
			`"kev" is part of more than one name: Kevin Hollis (@kevin) or Kevin Sexton (@kevins)? :as and the handle picks one.`,
			"You are now Kevin Sexton (Chesterfield High School).",
		}},
		// "help", as people type it, is :help; "help agenda" the
		// command's own help.
		{"help without its colon", "help\nhelp agenda\nhelp /minutes\n", []string{
			"Commands (each answers help, e.g. /apologies help):",
			"*/agenda* — See the agenda",
			"*/minutes* — Draft a meeting's minutes",
		}},
		{"help and stray lines", ":help\nhello\n:quit\n/apologies Unwell\n", []string{
			"/apologies",
			":as NAME (be another member)",
			"Start with / for a command",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := session(t, svc, tt.input)
			for _, want := range tt.want {
				if !strings.Contains(got, want) {
					t.Errorf("output lacks %q:\n%s", want, got)
				}
			}
		})
	}
}

// TestConsoleHome: :home shows the member's Home tab as Slack would,
// following what they send, and its buttons press as the Home's do.
func TestConsoleHome(t *testing.T) {
	svc := sample(t, nil)
	out := session(t, svc, ":home\n/apologies Unwell\n:home\n:press 1\n:as neil\n:home\n:paste\n")
	parts := strings.Split(out, "── your Home (Slack's Home tab) ──")
	if len(parts) != 4 {
		t.Fatalf("want 3 Homes shown:\n%s", out)
	}
	for i, want := range [][]string{
		{"SAFER SEFTON TOGETHER\nOfficer for Sefton Council\nNext meeting: Thursday 10 December 2026, 10:00, Remote Meeting",
			"*Your apologies*\nNone sent: you are expected at the next meeting.", "*For officers*", "[1: Send apologies]  (:press N)"},
		{"*Your apologies*\nYou have sent apologies for the next meeting.\nReason: Unwell", "1 apology received for the next meeting",
			"[1: Withdraw apologies]  (:press N)", "are withdrawn: you are expected to attend."},
		{"Member for SWACA", "[1: Send apologies]", "The last reply has no form to paste into"},
	} {
		for _, w := range want {
			if !strings.Contains(parts[i+1], w) {
				t.Errorf("Home %d lacks %q:\n%s", i+1, w, parts[i+1])
			}
		}
	}
	if strings.Contains(parts[3], "For officers") {
		t.Errorf("a member's Home shows the officers' part:\n%s", parts[3])
	}
}

func TestConsoleStopsAtQuit(t *testing.T) {
	got := session(t, sample(t, nil), ":quit\n/apologies Unwell\n")
	if strings.Contains(got, "Your apologies") {
		t.Errorf("a command after :quit ran:\n%s", got)
	}
}

// broken is records that fail to keep apologies in a way nobody foresaw.
type broken struct{ commands.Store }

func (broken) SendApologyFrom(context.Context, commands.ApologyRequest) (commands.Origin, commands.ApologySent, error) {
	return commands.Origin{}, commands.ApologySent{}, errors.New("disk on fire")
}

func TestConsoleFailureHasARef(t *testing.T) {
	svc := sample(t, func(db *storage.DB) commands.Store { return broken{db} })
	got := session(t, svc, "/apologies Unwell\n")
	if !regexp.MustCompile(`Sorry, that did not work — .* NOT saved \(ref [0-9a-f]{8}\)`).MatchString(got) {
		t.Errorf("a failure reads:\n%s", got)
	}
}

// TestConsoleImportsPastedDocuments: /minutes import answers with Slack's
// paste form; in the console, :paste FILE fills it in from a file, and
// :paste alone from the lines that follow, through the form's own handler.
func TestConsoleImportsPastedDocuments(t *testing.T) {
	svc := sample(t, nil)
	file := t.TempDir() + "/pack.txt"
	if err := os.WriteFile(file, []byte(commands.SamplePack), 0o600); err != nil {
		t.Fatal(err)
	}
	out := session(t, svc, "/minutes import\n:paste "+file+"\n/resolution 28\n")
	for _, want := range []string{
		`Slack would open the form "Import minutes" here, to paste a document into. In the console: :paste FILE reads it from a file`,
		"Imported the minutes of the meeting of Safer Sefton Together on Thursday 9 December 2021: ",
		"be re-named Safer Sefton Together",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "use the command's text form instead") {
		t.Errorf("the console points to a text form /minutes import does not have:\n%s", out)
	}

	// Typed (or pasted) lines, up to ".", are the document too; the form's
	// mistakes keep it open for another try, and only officers import.
	out = session(t, svc, "/agenda import\n:paste\nnot an agenda\nat all\n.\n:paste\n"+commands.SamplePack+"\n.\n:as neil\n/minutes import\n:paste "+file+"\n")
	for _, want := range []string{
		"── the form says ──",
		"I could not find an agenda in that text",
		"The form is still open: :paste again.",
		"Imported the agenda of *Safer Sefton Together* for the meeting on Thursday 17 March 2022",
		"Only an officer",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}

// TestConsoleTakesMembersNamedAsItShowsThem: the console shows a member
// as "@Helen Armitage", and its hints name them so (`/interests review
// @Helen Armitage`); typed back, that names the member, as the mention
// would in Slack, not "@helen" with "Armitage" the start of the reason.
func TestConsoleTakesMembersNamedAsItShowsThem(t *testing.T) {
	out := session(t, sample(t, nil), "/interests register\n/interests review @Helen Armitage\n/apologies for @helen armitage Unwell\n/apologies list\n")
	for _, want := range []string{
		"(`/interests review @Helen Armitage` if there is nothing to register)",
		"Recorded, on behalf of @Helen Armitage: the register of interests",
		"• Helen Armitage: Unwell (sent",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the console's output lacks %q:\n%s", want, out)
		}
	}
}

// TestConsoleAnotherChannel: ":channel NAME" goes to another channel of
// the workspace, where another committee is set up and kept apart from
// the sample's; the sample's channel is found again by its name.
func TestConsoleAnotherChannel(t *testing.T) {
	svc := sample(t, nil)
	out := session(t, svc, ":channel #Licensing\n/committee setup Licensing Sub-Committee\n/committee member add @neil SWACA\n"+
		"/resolution 28\n:channel\n:channel cconsole\n/resolution 28\n:channel no such!\n:channel licensing\n/committee setup Another\n")
	for _, want := range []string{
		"You are now in #licensing.",
		"This channel is now the channel of *Licensing Sub-Committee*, and @Ian Barton is its officer.",
		"@Neil Frackelton is now a member of Licensing Sub-Committee, for SWACA.",
		"No minute 28 of *Licensing Sub-Committee* is on record.",
		"You are in #licensing. :channel NAME goes to another channel (:channel cconsole comes back here).",
		"No minute 28 of *Safer Sefton Together* is on record.",
		`"no such!" is not one.`,
		// The same name is the same channel: its committee stands.
		"This channel already belongs to Licensing Sub-Committee",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
