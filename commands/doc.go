// Package commands is Quorum's core: the committee domain (committees,
// members, meetings, agendas, apologies, declarations, report links, minutes
// and resolutions), the rules that govern it, and the slash commands that act
// on it.
//
// A command is a value in, a value out: a Request (command, text, team,
// channel, user, time) goes in and a Reply comes back. The package knows
// nothing of Slack's wire types or of SQL; transports (package bot, the
// console) build Requests and render Replies, and package storage implements
// the Store interface declared here.
package commands
