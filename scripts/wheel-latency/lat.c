// lat (scripts/wheel-latency.sh): wheel-zoom latency from input to changed pixels on an X display.
// usage: lat PX PY X Y W H TRIALS  (pointer at PX,PY; watches the region X,Y WxH)
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern int XTestFakeButtonEvent(Display *, unsigned int, int, unsigned long);
extern int XTestFakeMotionEvent(Display *, int, int, int, unsigned long);

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *grab(Display *d, Window root, int x, int y, int w, int h, size_t *n) {
	XImage *img = XGetImage(d, root, x, y, w, h, AllPlanes, ZPixmap);
	*n = (size_t)img->bytes_per_line * h;
	char *out = malloc(*n);
	memcpy(out, img->data, *n);
	XDestroyImage(img);
	return out;
}

int main(int argc, char **argv) {
	if (argc < 8) { fprintf(stderr, "usage: lat PX PY X Y W H TRIALS\n"); return 2; }
	int px = atoi(argv[1]), py = atoi(argv[2]), x = atoi(argv[3]), y = atoi(argv[4]), w = atoi(argv[5]), h = atoi(argv[6]), trials = atoi(argv[7]);
	Display *d = XOpenDisplay(NULL);
	if (!d) { fprintf(stderr, "no display\n"); return 1; }
	Window root = DefaultRootWindow(d);
	XTestFakeMotionEvent(d, -1, px, py, 0);
	XSync(d, False);
	usleep(500000);
	for (int i = 0; i < trials; i++) {
		unsigned int button = (i % 8 < 4) ? 4 : 5; // four notches in, four out
		size_t n, m;
		char *ref = grab(d, root, x, y, w, h, &n);
		double t0 = now();
		XTestFakeButtonEvent(d, button, True, 0);
		XTestFakeButtonEvent(d, button, False, 0);
		XFlush(d);
		double t1 = -1;
		while (now() - t0 < 3000) {
			char *cur = grab(d, root, x, y, w, h, &m);
			int diff = memcmp(cur, ref, n) != 0;
			free(cur);
			if (diff) { t1 = now(); break; }
		}
		printf("%d %s %.1f\n", i, button == 4 ? "in" : "out", t1 < 0 ? -1 : t1 - t0);
		fflush(stdout);
		free(ref);
		// Settle: no change for 400 ms.
		char *last = grab(d, root, x, y, w, h, &n);
		double quiet = now();
		while (now() - quiet < 400) {
			char *cur = grab(d, root, x, y, w, h, &m);
			if (memcmp(cur, last, n) != 0) { free(last); last = cur; quiet = now(); } else free(cur);
			usleep(2000);
		}
		free(last);
	}
	return 0;
}
