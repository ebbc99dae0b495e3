import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "~/errors";
import { isPhotoKey, localDiskPhotoStorage, readPhoto, savePhoto } from "../photo-store.server";
import { detectPhotoType, MAX_PHOTO_BYTES } from "../photo-type";

const directory = mkdtempSync(join(tmpdir(), "aftercare-photos-"));
const storage = localDiskPhotoStorage(directory);
const SHOP = "tea-house.myshopify.com";
const OTHER = "rival.myshopify.com";

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((char) => char.charCodeAt(0)) : part)));

export const SAMPLES = {
  jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF"),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR"),
  gif: bytes("GIF89a", [1, 0, 1, 0]),
  webp: bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "),
  heic: bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1"),
};

const fileOf = (content: Uint8Array, name = "photo.jpg", type = "image/jpeg") => new File([content as Uint8Array<ArrayBuffer>], name, { type });
const rejection = (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => error);

describe("photo type by magic bytes", () => {
  it.each(Object.entries(SAMPLES))("GIVEN the first bytes of a %s WHEN detected THEN that type", (type, content) => {
    expect(detectPhotoType(content)).toBe(type);
  });

  it.each([
    ["a PDF", bytes("%PDF-1.7")],
    ["HTML", bytes("<!DOCTYPE html>")],
    ["an MP4 (ftyp, not HEIC)", bytes([0, 0, 0, 0x18], "ftypisom")],
    ["a truncated PNG", bytes([0x89, 0x50, 0x4e])],
    ["nothing", new Uint8Array()],
  ])("GIVEN %s WHEN detected THEN it is no photo", (_name, content) => {
    expect(detectPhotoType(content)).toBeNull();
  });
});

describe("photo store on local disk", () => {
  it("GIVEN a saved photo WHEN asked whether a shop holds it THEN only its own shop does", async () => {
    const { key } = await savePhoto(SHOP, fileOf(SAMPLES.jpg), storage);

    expect(await storage.has(SHOP, key)).toBe(true);
    expect(await storage.has(OTHER, key)).toBe(false);
    expect(await storage.has(SHOP, "0123456789abcdef0123456789abcdef.jpg")).toBe(false);
  });

  it("GIVEN a JPEG WHEN saved THEN it reads back with its content type under an unguessable key", async () => {
    const { key } = await savePhoto(SHOP, fileOf(SAMPLES.jpg), storage);

    expect(isPhotoKey(key)).toBe(true);
    expect(key).toMatch(/^[0-9a-f]{32}\.jpg$/);
    const photo = await readPhoto(SHOP, key, storage);
    expect(photo?.contentType).toBe("image/jpeg");
    expect([...photo!.bytes]).toEqual([...SAMPLES.jpg]);
  });

  it("GIVEN the same photo saved twice WHEN keys are compared THEN they differ", async () => {
    const first = await savePhoto(SHOP, fileOf(SAMPLES.png, "a.png", "image/png"), storage);
    const second = await savePhoto(SHOP, fileOf(SAMPLES.png, "a.png", "image/png"), storage);
    expect(first.key).not.toBe(second.key);
  });

  it("GIVEN a text file named photo.jpg and declared image/jpeg WHEN saved THEN 422 says it must be an image and nothing is written", async () => {
    const before = readdirSync(directory, { recursive: true }).length;

    const error = await rejection(() => savePhoto(SHOP, fileOf(bytes("not an image at all")), storage));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).fieldErrors.photo).toEqual(["must be a JPEG, PNG, GIF, WebP or HEIC image"]);
    expect(readdirSync(directory, { recursive: true }).length).toBe(before);
  });

  it("GIVEN a JPEG of 10 MB and one byte WHEN saved THEN 422 says it is larger than 10 MB", async () => {
    const oversize = new Uint8Array(MAX_PHOTO_BYTES + 1);
    oversize.set(SAMPLES.jpg);

    const error = await rejection(() => savePhoto(SHOP, fileOf(oversize), storage));

    expect((error as InvalidInputError).fieldErrors.photo).toEqual(["is larger than 10 MB — choose a smaller photo"]);
  });

  it("GIVEN a JPEG of exactly 10 MB WHEN saved THEN it is accepted", async () => {
    const limit = new Uint8Array(MAX_PHOTO_BYTES);
    limit.set(SAMPLES.jpg);
    await expect(savePhoto(SHOP, fileOf(limit), storage)).resolves.toHaveProperty("key");
  });

  it("GIVEN an empty file WHEN saved THEN 422 says it is empty", async () => {
    const error = await rejection(() => savePhoto(SHOP, fileOf(new Uint8Array()), storage));
    expect((error as InvalidInputError).fieldErrors.photo).toEqual(["is empty — choose a photo to upload"]);
  });

  it("GIVEN a photo of one shop WHEN another shop reads its key THEN nothing is found", async () => {
    const { key } = await savePhoto(SHOP, fileOf(SAMPLES.gif, "a.gif", "image/gif"), storage);
    expect(await readPhoto(OTHER, key, storage)).toBeNull();
  });

  it.each(["../../etc/passwd", "0123456789abcdef0123456789abcdef.exe", "", `${"a".repeat(32)}.jpg/../x`])(
    "GIVEN the key %j WHEN read THEN nothing is found and no path outside the store is touched",
    async (key) => {
      expect(await readPhoto(SHOP, key, storage)).toBeNull();
    },
  );
});
