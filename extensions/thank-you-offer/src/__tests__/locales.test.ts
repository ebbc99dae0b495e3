import { fileURLToPath } from "node:url";
import { describeLocales } from "../../../shared/__tests__/locale-checks";

describeLocales("thank-you-offer", fileURLToPath(new URL("../../locales", import.meta.url)));
