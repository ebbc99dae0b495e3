import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "build/**", "app/generated/**", ".scratch/**", "public/build/**", "**/dist/**", "extensions/*/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='JSON'][callee.property.name='parse'][arguments.0.name=/rawBody|body/]",
          message: "Parse Shopify bodies with parseShopifyJson (lossless ids).",
        },
      ],
    },
  },
  {
    // Browser code must not pull in server modules (secrets, DB); the build would leak them.
    files: ["app/**/*.tsx", "extensions/**/*.{ts,tsx}"],
    ignores: ["app/routes/**", "app/root.tsx", "app/entry.server.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["*.server", "*.server.ts", "**/*.server"], message: "Client code must not import server modules." }] }],
    },
  },
);
