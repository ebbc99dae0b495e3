import type { CreateProductInput } from "../store/store.ts";

interface CatalogEntry {
  title: string;
  type: string;
  price: number;
  grams: number;
  sizes?: string[];
  colors?: string[];
}

const APPAREL = ["XS", "S", "M", "L", "XL"];
const SHOES = ["7", "8", "9", "10", "11", "12"];

// An outdoor clothing and gear shop's catalogue.
const CATALOG: CatalogEntry[] = [
  { title: "Trailhead Rain Jacket", type: "Jackets", price: 18900, grams: 520, sizes: APPAREL, colors: ["Spruce", "Ember"] },
  { title: "Alpine Down Vest", type: "Jackets", price: 14900, grams: 310, sizes: APPAREL, colors: ["Black", "Glacier"] },
  { title: "Northwind Parka", type: "Jackets", price: 32900, grams: 1250, sizes: APPAREL, colors: ["Charcoal"] },
  { title: "Drift Packable Windbreaker", type: "Jackets", price: 9900, grams: 180, sizes: APPAREL, colors: ["Sunset", "Navy"] },
  { title: "Redwood Chore Coat", type: "Jackets", price: 16800, grams: 900, sizes: APPAREL, colors: ["Rust"] },
  { title: "Basecamp Fleece", type: "Tops", price: 8900, grams: 420, sizes: APPAREL, colors: ["Oatmeal", "Forest"] },
  { title: "Canyon Sun Hoodie", type: "Tops", price: 6400, grams: 220, sizes: APPAREL, colors: ["Sand", "Sky"] },
  { title: "Coastal Linen Shirt", type: "Tops", price: 7800, grams: 210, sizes: APPAREL, colors: ["White", "Olive"] },
  { title: "Meadow Flannel Shirt", type: "Tops", price: 6900, grams: 380, sizes: APPAREL, colors: ["Red Plaid", "Blue Plaid"] },
  { title: "Aurora Thermal Base Layer", type: "Tops", price: 5900, grams: 190, sizes: APPAREL, colors: ["Black"] },
  { title: "Cascade Softshell Pants", type: "Bottoms", price: 11900, grams: 450, sizes: APPAREL, colors: ["Graphite", "Khaki"] },
  { title: "Switchback Trail Shorts", type: "Bottoms", price: 5400, grams: 200, sizes: APPAREL, colors: ["Slate", "Moss"] },
  { title: "Lakeside Swim Trunks", type: "Bottoms", price: 4900, grams: 160, sizes: APPAREL, colors: ["Teal"] },
  { title: "Ridge Hiking Boots", type: "Footwear", price: 21900, grams: 1300, sizes: SHOES, colors: ["Brown"] },
  { title: "Trail Runner GTX Shoes", type: "Footwear", price: 15900, grams: 640, sizes: SHOES, colors: ["Volt", "Black"] },
  { title: "Saltmarsh Rain Boots", type: "Footwear", price: 9800, grams: 1100, sizes: SHOES },
  { title: "Merino Crew Socks", type: "Accessories", price: 2400, grams: 70, sizes: ["S", "M", "L"] },
  { title: "Tundra Beanie", type: "Accessories", price: 3200, grams: 90, colors: ["Mustard", "Heather Grey"] },
  { title: "Dune Bucket Hat", type: "Accessories", price: 3600, grams: 85, colors: ["Sand"] },
  { title: "Highland Wool Scarf", type: "Accessories", price: 5800, grams: 160 },
  { title: "Timberline Work Gloves", type: "Accessories", price: 3900, grams: 140, sizes: ["S", "M", "L"] },
  { title: "Solstice Sunglasses", type: "Accessories", price: 8900, grams: 40 },
  { title: "Summit 35L Backpack", type: "Packs", price: 17900, grams: 1100, colors: ["Ember", "Spruce"] },
  { title: "Nomad Duffel 60L", type: "Packs", price: 13900, grams: 1250 },
  { title: "Harbor Canvas Tote", type: "Packs", price: 4200, grams: 380 },
  { title: "Boulder Chalk Bag", type: "Gear", price: 2800, grams: 110 },
  { title: "Pinnacle Trekking Poles", type: "Gear", price: 11900, grams: 480 },
  { title: "Glacier Insulated Bottle", type: "Gear", price: 3800, grams: 350, colors: ["Steel", "Glacier"] },
  { title: "Ember Camp Mug", type: "Gear", price: 2200, grams: 260 },
  { title: "Firelight Camp Blanket", type: "Gear", price: 8900, grams: 1400 },
];

function slug(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Product inputs with size/colour variants and images served by the stand-in's CDN route. */
export function seedCatalog(imageBaseUrl: string): CreateProductInput[] {
  return CATALOG.map((entry) => {
    const colors = entry.colors ?? [null];
    const sizes = entry.sizes ?? [null];
    const handle = slug(entry.title);
    const images = colors.map((color) => ({
      url: `${imageBaseUrl}/cdn/shop/files/${handle}${color ? `-${slug(color)}` : ""}.svg`,
      altText: color ? `${entry.title} in ${color}` : entry.title,
    }));
    const variants = colors.flatMap((color, colorIndex) =>
      sizes.map((size) => {
        const parts = [color, size].filter((p): p is string => p !== null);
        const options = [
          ...(color ? [{ name: "Color", value: color }] : []),
          ...(size ? [{ name: "Size", value: size }] : []),
        ];
        return {
          title: parts.length ? parts.join(" / ") : "Default Title",
          sku: [handle.split("-").map((w) => w[0]).join("").toUpperCase(), ...parts.map((p) => slug(p).toUpperCase())].join("-"),
          priceCents: entry.price,
          grams: entry.grams,
          options: options.length ? options : [{ name: "Title", value: "Default Title" }],
          imageIndex: colorIndex,
        };
      }),
    );
    return { title: entry.title, vendor: "Demo Outfitters", productType: entry.type, tags: [slug(entry.type)], images, variants };
  });
}
