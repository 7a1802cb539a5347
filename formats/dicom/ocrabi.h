#pragma once

// The C interface of the text-detection module (encord_deid_ocr), which TextDetector loads
// on first use. Tesseract, Leptonica and Qt GUI live only in that module, so the worker
// processes of tag-only de-identification start without loading them.

#ifdef __cplusplus
extern "C" {
#endif

/// One word found, in the coordinates of the image given.
struct EncordOcrWord
{
    int x;
    int y;
    int width;
    int height;
    float confidence; /* 0..100 */
    char text[128];   /* UTF-8, NUL-terminated, possibly cut */
};

/* An engine with English data loaded, or null with a reason in error. */
typedef void *(*EncordOcrCreate)(char *error, int errorSize);
/* The words of an 8-bit grey image (stride bytes per row); at most maxWords are written,
   the number found is returned. */
typedef int (*EncordOcrDetect)(void *engine,
                               const unsigned char *grey,
                               int width,
                               int height,
                               int stride,
                               struct EncordOcrWord *words,
                               int maxWords);
typedef void (*EncordOcrDestroy)(void *engine);
/* Writes an 8-bit grey image as PNG; non-zero on success. */
typedef int (*EncordOcrSavePng)(
    const unsigned char *grey, int width, int height, int stride, const char *path);

#ifdef __cplusplus
}
#endif
