// Package state mirrors libmachine's machine states; plugins send them as ints.
package state

type State int

const (
	None State = iota
	Running
	Paused
	Saved
	Stopped
	Stopping
	Starting
	Error
	Timeout
)
