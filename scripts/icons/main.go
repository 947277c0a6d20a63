// Command icons writes the application icon at the sizes desktops look for
// (share/icons/hicolor/NxN/apps/ID.png), scaled from icon.png with a Catmull-Rom filter.
//
// Usage:
//
//	go run ./scripts/icons -src icon.png -id io.github.chronoscope -out DIR
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// sizes are the hicolor theme's usual application icon sizes.
var sizes = []int{16, 24, 32, 48, 64, 128, 256, 512}

func main() {
	src := flag.String("src", "icon.png", "the icon, square, at least 512 px")
	id := flag.String("id", "io.github.chronoscope", "the application id, the icons' name")
	out := flag.String("out", "dist/share/icons/hicolor", "the hicolor folder to write into")
	flag.Parse()
	if err := run(*src, *id, *out); err != nil {
		fmt.Fprintln(os.Stderr, "icons:", err)
		os.Exit(1)
	}
}

func run(src, id, out string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	for _, n := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
		dir := filepath.Join(out, fmt.Sprintf("%dx%d", n, n), "apps")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := write(filepath.Join(dir, id+".png"), dst); err != nil {
			return err
		}
	}
	return nil
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
