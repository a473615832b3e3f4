package bot

import (
	"context"

	"github.com/slack-go/slack"

	"github.com/quorumhq/quorum/commands"
)

// slackAPI is the part of Slack's Web API the bot calls. *slack.Client has
// it; naming the few methods keeps what the bot may do to Slack in sight.
type slackAPI interface {
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	PostEphemeralContext(ctx context.Context, channelID, userID string, options ...slack.MsgOption) (string, error)
	UpdateMessageContext(ctx context.Context, channelID, timestamp string, options ...slack.MsgOption) (string, string, string, error)
	OpenConversationContext(ctx context.Context, params *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error)
	OpenViewContext(ctx context.Context, triggerID string, view slack.ModalViewRequest) (*slack.ViewResponse, error)
	PublishViewContext(ctx context.Context, req slack.PublishViewContextRequest) (*slack.ViewResponse, error)
	GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error)
	GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
}

var _ slackAPI = (*slack.Client)(nil)

// msgOptions are the options that send msg with chat.postMessage,
// chat.postEphemeral or chat.update: its fallback text and its blocks.
func msgOptions(msg Response) []slack.MsgOption {
	return []slack.MsgOption{slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...)}
}

// deliver posts msg, a reply to r, with the Web API rather than in an
// answer to Slack: as a direct message when r came from no channel, in r's
// channel when msg is for the channel, else to r's sender alone in the
// channel (chat.postEphemeral).
func deliver(ctx context.Context, api slackAPI, r commands.Request, msg Response) error {
	var err error
	switch {
	case r.ChannelID == "":
		_, _, err = api.PostMessageContext(ctx, r.UserID, msgOptions(msg)...)
	case msg.ResponseType == slack.ResponseTypeInChannel:
		_, _, err = api.PostMessageContext(ctx, r.ChannelID, msgOptions(msg)...)
	default:
		_, err = api.PostEphemeralContext(ctx, r.ChannelID, r.UserID, msgOptions(msg)...)
	}
	return err
}
