import { fileURLToPath } from "node:url";
import { describeLocales } from "../../../shared/__tests__/locale-checks";

describeLocales("return-request", fileURLToPath(new URL("../../locales", import.meta.url)));
