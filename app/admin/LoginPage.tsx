import { Form } from "@remix-run/react";
import { Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { PolarisProvider } from "./PolarisProvider";

/** The stand-alone login form: a merchant names their store and is sent to Shopify to open the app. */
export function LoginPage({ shopError }: { shopError?: string }) {
  const [shop, setShop] = useState("");
  return (
    <PolarisProvider>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text as="h1" variant="headingLg">
                Log in to Aftercare
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Store domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={shopError}
              />
              <Button submit variant="primary">
                Log in
              </Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisProvider>
  );
}
