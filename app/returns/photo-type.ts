/**
 * Which image a shopper's upload really is, by its first bytes: the file name and the browser's declared type
 * are the shopper's to choose, the bytes are not. Only formats phones and browsers produce are accepted.
 */

export type PhotoType = "jpg" | "png" | "gif" | "webp" | "heic";

export const PHOTO_CONTENT_TYPES: Record<PhotoType, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
};

/** The most a photo may weigh: 10 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

// HEIC/HEIF files are ISO boxes: "ftyp" at offset 4, then a brand naming the codec.
const HEIC_BRANDS = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

/** The image type of `bytes` by magic number, or null when they are no accepted image. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("ftyp"), 4) && HEIC_BRANDS.some((brand) => startsWith(bytes, ascii(brand), 8))) return "heic";
  return null;
}
