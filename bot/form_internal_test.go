package bot

import (
	"net/url"
	"testing"
)

// slashBody is a slash command's form as Slack sends it.
const slashBody = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001" +
	"&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697" +
	"&user_name=Steve&command=%2Fapologies&text=Away+on+leave%2C+sorry+%26+thanks" +
	"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0" +
	"&api_app_id=A123456"

// checkSlashForm fails t unless parseSlashForm reads body as
// url.ParseQuery and Get do.
func checkSlashForm(t *testing.T, body string) {
	t.Helper()
	got, err := parseSlashForm(body)
	want, werr := url.ParseQuery(body)
	if (err == nil) != (werr == nil) {
		t.Fatalf("%q: error %v, url.ParseQuery's %v", body, err, werr)
	}
	if err != nil {
		return
	}
	for key, v := range map[string]string{
		"command": got.command, "text": got.text, "team_id": got.teamID, "channel_id": got.channelID,
		"user_id": got.userID, "user_name": got.userName, "trigger_id": got.triggerID, "response_url": got.responseURL,
		"channel_name": got.channelName,
	} {
		if w := want.Get(key); v != w {
			t.Errorf("%q: %s is %q, Get says %q", body, key, v, w)
		}
	}
}

func TestSlashFormIsReadAsParseQueryReadsIt(t *testing.T) {
	for _, body := range []string{
		slashBody,
		"",
		"command=/agenda&user_id=U1",
		"text=&text=second&command=%2Fdeclare&user_id=U1", // the first value, even empty
		"user%5Fid=U1&command=x",                          // an escaped key
		"command=x&user_id=U1&text=bad%zzescape",          // refused
		"command=x&user_id=U1&other=bad%2",                // refused, in a field not read
		"command=x&user_id=U1&text=a;b",                   // refused: a semicolon
		"command=x&&user_id=U1&=v&novalue",                // empty pairs and keys
		"bad%key=1&command=x",                             // refused: the key
		"text=%E2%9C%93+%F0%9F%99%82&command=x&user_id=U", // UTF-8
		"text=%FF%FE&command=x&user_id=U",                 // not UTF-8
	} {
		checkSlashForm(t, body)
	}
}

func FuzzSlashForm(f *testing.F) {
	f.Add(slashBody)
	f.Add("text=&text=x&command=%2&user_id=U1;")
	f.Fuzz(func(t *testing.T, body string) {
		checkSlashForm(t, body)
	})
}

func BenchmarkSlashForm(b *testing.B) {
	b.Run("parseSlashForm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseSlashForm(slashBody); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("url.ParseQuery", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := url.ParseQuery(slashBody); err != nil {
				b.Fatal(err)
			}
		}
	})
}
