import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { env } from "~/env.server";
import { InvalidInputError } from "~/errors";
import { detectPhotoType, MAX_PHOTO_BYTES, PHOTO_CONTENT_TYPES, type PhotoType } from "./photo-type";

/**
 * Shoppers' return photos. Keys are random (128 bits) and carry only the image type, so a key can be given to
 * the shopper's browser and to the merchant's page without revealing or letting anyone guess another photo.
 * Every photo lives under its shop: a key of one shop reads nothing in another.
 */

/** Where photo bytes are kept; local disk by default, any object store can implement it. */
export interface PhotoStorage {
  put(shop: string, key: string, bytes: Uint8Array): Promise<void>;
  /** null when there is no such photo for this shop. */
  get(shop: string, key: string): Promise<Uint8Array | null>;
  /** Whether this shop holds a photo under `key`, without reading it. */
  has(shop: string, key: string): Promise<boolean>;
}

export interface StoredPhoto {
  bytes: Uint8Array;
  contentType: string;
}

const KEY_PATTERN = /^[0-9a-f]{32}\.(jpg|png|gif|webp|heic)$/;

/** Whether `key` has the shape of a photo key (never a path). */
export function isPhotoKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Photos as files under `directory`/<hash of the shop>/<key>, written whole or not at all. */
export function localDiskPhotoStorage(directory: string): PhotoStorage {
  const root = resolve(directory);
  const shopDirectory = (shop: string) => join(root, createHash("sha256").update(shop).digest("hex").slice(0, 32));
  return {
    async put(shop, key, bytes) {
      const folder = shopDirectory(shop);
      await mkdir(folder, { recursive: true });
      const partial = join(folder, `.${key}.${randomBytes(4).toString("hex")}.partial`);
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, join(folder, key));
    },
    async get(shop, key) {
      try {
        return new Uint8Array(await readFile(join(shopDirectory(shop), key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async has(shop, key) {
      try {
        await access(join(shopDirectory(shop), key));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    },
  };
}

let defaultStorage: PhotoStorage | null = null;

/** The configured storage: local disk under RETURN_PHOTOS_DIR. */
export function photoStorage(): PhotoStorage {
  defaultStorage ??= localDiskPhotoStorage(env().RETURN_PHOTOS_DIR);
  return defaultStorage;
}

const rejected = (message: string) => new InvalidInputError({ photo: [message] }, "The photo was not accepted");

/**
 * Checks an uploaded file (an image by its bytes, at most 10 MB, not empty) and stores it; throws
 * InvalidInputError (422) naming what is wrong. Returns the new photo's key.
 */
export async function savePhoto(shop: string, file: File, storage: PhotoStorage = photoStorage()): Promise<{ key: string }> {
  if (file.size === 0) throw rejected("is empty — choose a photo to upload");
  if (file.size > MAX_PHOTO_BYTES) throw rejected("is larger than 10 MB — choose a smaller photo");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectPhotoType(bytes);
  if (!type) throw rejected("must be a JPEG, PNG, GIF, WebP or HEIC image");
  const key = `${randomBytes(16).toString("hex")}.${type}`;
  await storage.put(shop, key, bytes);
  return { key };
}

/** A stored photo of `shop` with its content type, or null when the key is malformed or unknown. */
export async function readPhoto(shop: string, key: string, storage: PhotoStorage = photoStorage()): Promise<StoredPhoto | null> {
  if (!isPhotoKey(key)) return null;
  const bytes = await storage.get(shop, key);
  if (!bytes) return null;
  return { bytes, contentType: PHOTO_CONTENT_TYPES[key.split(".")[1] as PhotoType] };
}

/**
 * Throws InvalidInputError unless every key names a photo this shop's shoppers uploaded: the keys come back
 * from the browser, and an invented one must not satisfy a "photo required" rule.
 */
export async function assertPhotosUploaded(shop: string, keys: readonly string[], storage: PhotoStorage = photoStorage()): Promise<void> {
  const unknown: string[] = [];
  for (const key of new Set(keys)) {
    if (!isPhotoKey(key) || !(await storage.has(shop, key))) unknown.push(key);
  }
  if (unknown.length) {
    throw new InvalidInputError({ photos: [`${unknown.length} photo(s) were not found — upload them again`] }, "A photo was not found");
  }
}
