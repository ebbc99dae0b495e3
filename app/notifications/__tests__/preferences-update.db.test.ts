import { describe, expect, it } from "vitest";
import { saveExceptionActionSettings } from "~/exceptions/actions/settings.server";
import { useTestDatabase } from "~/test/database";
import { saveNotificationSettings } from "../admin/settings.server";
import { getNotificationPreferences } from "../preferences.server";

const database = useTestDatabase();

describe("two settings pages saving one preferences document", () => {
  it("GIVEN the notifications page and the exceptions page saved at the same moment WHEN both finish THEN each page's change is kept", async () => {
    const prisma = database.get().prisma;
    for (let round = 1; round <= 5; round++) {
      const shop = `settings-race-${round}.myshopify.com`;

      await Promise.all([
        saveNotificationSettings(prisma, shop, { coalesceMinutes: 40 + round }),
        saveExceptionActionSettings(prisma, shop, { supportEmail: `help${round}@example.com` }),
      ]);

      const stored = await getNotificationPreferences(prisma, shop);
      expect(stored.coalesceMinutes).toBe(40 + round);
      expect(stored.exceptions.supportEmail).toBe(`help${round}@example.com`);
    }
  });
});
