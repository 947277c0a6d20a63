// searchlat (scripts/search-latency.sh): from the last key of a search typed into the
// window to the timeline's picture changing and settling, on an X display.
// usage: searchlat PX PY X Y W H TERM  (clicks at PX,PY, types TERM, lowercase letters
// only, watches the region X,Y WxH). Prints the milliseconds from the last key's release
// to the first change of the region and to its last change (no change for 1.5 s after).
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/keysym.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

extern int XTestFakeButtonEvent(Display *, unsigned int, int, unsigned long);
extern int XTestFakeMotionEvent(Display *, int, int, int, unsigned long);
extern int XTestFakeKeyEvent(Display *, unsigned int, int, unsigned long);

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
	if (argc < 8) { fprintf(stderr, "usage: searchlat PX PY X Y W H TERM\n"); return 2; }
	int px = atoi(argv[1]), py = atoi(argv[2]), x = atoi(argv[3]), y = atoi(argv[4]), w = atoi(argv[5]), h = atoi(argv[6]);
	const char *term = argv[7];
	Display *d = XOpenDisplay(NULL);
	if (!d) { fprintf(stderr, "no display\n"); return 1; }
	Window root = DefaultRootWindow(d);
	XTestFakeMotionEvent(d, -1, px, py, 0);
	XTestFakeButtonEvent(d, 1, True, 0);
	XTestFakeButtonEvent(d, 1, False, 0);
	XSync(d, False);
	usleep(500000);
	size_t n, m;
	char *ref = grab(d, root, x, y, w, h, &n);
	for (const char *c = term; *c; c++) {
		KeyCode k = XKeysymToKeycode(d, XK_a + (*c - 'a'));
		XTestFakeKeyEvent(d, k, True, 0);
		XTestFakeKeyEvent(d, k, False, 0);
		XSync(d, False);
		usleep(30000);
	}
	double t0 = now(), first = -1, last = -1;
	char *prev = ref;
	while (now() - t0 < 30000) {
		char *cur = grab(d, root, x, y, w, h, &m);
		if (memcmp(cur, prev, n) != 0) {
			last = now() - t0;
			if (first < 0) first = last;
			if (prev != ref) free(prev);
			prev = cur;
		} else {
			free(cur);
		}
		if (last >= 0 && now() - t0 - last > 1500) break;
		usleep(2000);
	}
	printf("first change %.1f ms, settled %.1f ms\n", first, last);
	return 0;
}
