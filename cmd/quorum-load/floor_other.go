//go:build !linux

package main

import "os/exec"

// dieWithParent does nothing where the kernel cannot kill a child with its
// parent: a floor left behind by a comparison killed outright must be
// stopped by hand.
func dieWithParent(*exec.Cmd) {}
