package app

import (
	"fmt"
	"slices"

	"github.com/chronoscope/chronoscope/timeline"
)

// caseJob is background work on the case that was open when it began: a write (an edit,
// an undo or redo, an import, the case's name) or a read that must end on the same file
// (an export, a copy). It keeps that case's store and history, and works on them only.
// While any job runs the case is neither closed nor switched (caseLocked), and closing
// the window waits for the jobs (requestClose).
type caseJob struct {
	u       *ui
	what    string // the job in a sentence: "Wait for <what> to finish"
	store   caseStore
	history *timeline.History
	busy    bool   // the job shows the busy bar
	onEnd   func() // runs on the UI goroutine when the job ends, whatever case is open
}

// newJob starts a job on the open case; busy, when not "", shows the busy bar with that
// message until the job ends. Call run once to do the work.
func (u *ui) newJob(what, busy string) *caseJob {
	j := &caseJob{u: u, what: what, store: u.store, history: u.history, busy: busy != ""}
	u.jobs = append(u.jobs, j)
	if j.busy {
		u.setBusy(true, busy)
	}
	return j
}

// run does work off the UI goroutine, on j.store and j.history, then the function work
// returns (nil for nothing) on the UI goroutine, only if the window still shows j's case.
func (j *caseJob) run(work func() func()) {
	j.u.background(func() func() {
		done := work()
		return func() {
			if j.u.endJob(j) && done != nil {
				done()
			}
		}
	})
}

// endJob ends j on the UI goroutine and reports whether its result may be shown: the
// window still shows j's case. A close that waited for the jobs happens now.
func (u *ui) endJob(j *caseJob) bool {
	u.jobs = slices.DeleteFunc(u.jobs, func(x *caseJob) bool { return x == j })
	if j.busy {
		u.setBusy(false, "")
	}
	if j.onEnd != nil {
		j.onEnd()
	}
	if len(u.jobs) == 0 && u.whenIdle != nil {
		then := u.whenIdle
		u.whenIdle = nil
		then()
		return false
	}
	return j.store != nil && u.store == j.store
}

// caseLocked reports, and says in the status bar, that the case cannot be closed or
// switched now: a form or dialog that writes to it is open, or a job is under way.
func (u *ui) caseLocked() bool {
	switch {
	case u.modal:
		u.setStatus("Close the open form or dialog first: it writes to this case.")
		return true
	}
	return u.jobRunning()
}

// jobRunning reports, and says in the status bar, that a job is under way on the case.
func (u *ui) jobRunning() bool {
	if len(u.jobs) == 0 {
		return false
	}
	u.setStatus(fmt.Sprintf("Wait for %s to finish: it is using this case.", u.jobs[0].what))
	return true
}

// requestClose closes the window, at once or, while jobs run on the case, once they are
// done: closing under an import would lose it.
func (u *ui) requestClose() { u.afterJobs("Closing", u.win.Close) }

// quit quits the app once the jobs on the case are done.
func (u *ui) quit() { u.afterJobs("Quitting", u.app.Quit) }

// afterJobs runs then now when no job runs, else once the last one ends.
func (u *ui) afterJobs(doing string, then func()) {
	if len(u.jobs) == 0 {
		then()
		return
	}
	u.whenIdle = then
	u.setStatus(fmt.Sprintf("%s once %s is done...", doing, u.jobs[0].what))
}
