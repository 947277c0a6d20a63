// caps (scripts/open-latency.sh): starts a command and captures the X screen every
// INTERVAL ms for DURATION s, from the moment the command is started.
// usage: caps OUTDIR INTERVAL_MS DURATION_S W H -- COMMAND [ARGS...]
// Prints one line a capture: milliseconds since the start, a hash of the pixels of the
// W x H region at the top left of the screen, the command's VmRSS and VmHWM in kB (from
// /proc/PID/status) and the CPU time it has used, in ms. Each capture whose pixels differ from the one before is written to
// OUTDIR as T.ppm (T the milliseconds). Stops early when the command exits.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long field(const char *status, const char *name) {
	const char *p = strstr(status, name);
	return p ? atol(p + strlen(name)) : -1;
}

static void memory(pid_t pid, long *rss, long *hwm) {
	char path[64], buf[4096];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	FILE *f = fopen(path, "r");
	*rss = *hwm = -1;
	if (!f) return;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	*rss = field(buf, "VmRSS:");
	*hwm = field(buf, "VmHWM:");
}

// cpu is the command's user and system time so far, in ms (from /proc/PID/stat).
static long cpu(pid_t pid) {
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f) return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	char *p = strrchr(buf, ')'); // the command name may hold spaces
	unsigned long ut, st;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2) return -1;
	return (long)((ut + st) * 1000 / sysconf(_SC_CLK_TCK));
}

static void writePPM(const char *dir, double t, XImage *img, int w, int h) {
	char path[512];
	snprintf(path, sizeof path, "%s/%06.0f.ppm", dir, t);
	FILE *f = fopen(path, "wb");
	if (!f) return;
	fprintf(f, "P6\n%d %d\n255\n", w, h);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			unsigned long p = XGetPixel(img, x, y);
			unsigned char rgb[3] = {(p >> 16) & 255, (p >> 8) & 255, p & 255};
			fwrite(rgb, 1, 3, f);
		}
	fclose(f);
}

int main(int argc, char **argv) {
	if (argc < 8 || strcmp(argv[6], "--") != 0) {
		fprintf(stderr, "usage: caps OUTDIR INTERVAL_MS DURATION_S W H -- COMMAND [ARGS...]\n");
		return 2;
	}
	const char *dir = argv[1];
	int interval = atoi(argv[2]), duration = atoi(argv[3]), w = atoi(argv[4]), h = atoi(argv[5]);
	Display *d = XOpenDisplay(NULL);
	if (!d) { fprintf(stderr, "caps: no display\n"); return 1; }
	Window root = DefaultRootWindow(d);
	double t0 = now();
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[7], argv + 7);
		perror("caps: exec");
		_exit(127);
	}
	uint64_t last = 0;
	for (int k = 0;; k++) {
		double next = t0 + (double)k * interval, t = now();
		if (next > t) usleep((useconds_t)((next - t) * 1000));
		t = now() - t0;
		if (t > duration * 1e3) break;
		int st;
		if (waitpid(pid, &st, WNOHANG) == pid) { printf("# exited at %.0f ms\n", t); return 1; }
		long rss, hwm;
		memory(pid, &rss, &hwm);
		XImage *img = XGetImage(d, root, 0, 0, w, h, AllPlanes, ZPixmap);
		uint64_t hash = 1469598103934665603ULL; // FNV-1a
		size_t n = (size_t)img->bytes_per_line * h;
		for (size_t i = 0; i < n; i++) hash = (hash ^ (unsigned char)img->data[i]) * 1099511628211ULL;
		if (hash != last) writePPM(dir, t, img, w, h);
		last = hash;
		XDestroyImage(img);
		printf("%.0f %016llx %ld %ld %ld\n", t, (unsigned long long)hash, rss, hwm, cpu(pid));
		fflush(stdout);
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	return 0;
}
