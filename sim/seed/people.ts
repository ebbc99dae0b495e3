import type { CreateCustomerInput } from "../store/store.ts";
import type { Random } from "./random.ts";

interface Place {
  city: string;
  province: string | null;
  provinceCode: string | null;
  zip: string;
  street: string;
}

interface Country {
  code: string;
  name: string;
  locale: string;
  phonePrefix: string;
  weight: number;
  firstNames: string[];
  lastNames: string[];
  places: Place[];
}

// Customers from the markets a North American outdoor shop sells to, with names in their own scripts.
const COUNTRIES: Country[] = [
  {
    code: "US", name: "United States", locale: "en", phonePrefix: "+1555", weight: 40,
    firstNames: ["Emma", "Liam", "Olivia", "Noah", "Ava", "Mason", "Harper", "Ethan", "Maya", "Jackson", "Aaliyah", "Diego"],
    lastNames: ["Johnson", "Smith", "Williams", "Brown", "Garcia", "Miller", "Davis", "Martinez", "O'Connor", "Nguyen", "Washington"],
    places: [
      { city: "Denver", province: "Colorado", provinceCode: "CO", zip: "80202", street: "1600 Wynkoop St" },
      { city: "Portland", province: "Oregon", provinceCode: "OR", zip: "97209", street: "1020 NW 9th Ave" },
      { city: "Brooklyn", province: "New York", provinceCode: "NY", zip: "11201", street: "85 Jay St" },
      { city: "Austin", province: "Texas", provinceCode: "TX", zip: "78701", street: "500 W 2nd St" },
      { city: "Boise", province: "Idaho", provinceCode: "ID", zip: "83702", street: "120 N 8th St" },
      { city: "Asheville", province: "North Carolina", provinceCode: "NC", zip: "28801", street: "45 Broadway St" },
    ],
  },
  {
    code: "CA", name: "Canada", locale: "en", phonePrefix: "+1613555", weight: 14,
    firstNames: ["Chloé", "Noah", "Léa", "William", "Olivia", "Félix", "Zoé", "Liam"],
    lastNames: ["Tremblay", "Gagnon", "Roy", "Côté", "MacDonald", "Singh", "Bouchard"],
    places: [
      { city: "Montréal", province: "Quebec", provinceCode: "QC", zip: "H2X 1Y4", street: "275 Rue Notre-Dame E" },
      { city: "Vancouver", province: "British Columbia", provinceCode: "BC", zip: "V6B 1A1", street: "800 Robson St" },
      { city: "Toronto", province: "Ontario", provinceCode: "ON", zip: "M5V 2T6", street: "290 Bremner Blvd" },
      { city: "Calgary", province: "Alberta", provinceCode: "AB", zip: "T2P 1J9", street: "101 9 Ave SW" },
    ],
  },
  {
    code: "GB", name: "United Kingdom", locale: "en", phonePrefix: "+447700", weight: 10,
    firstNames: ["Oliver", "Amelia", "George", "Isla", "Harry", "Siobhán", "Rhys"],
    lastNames: ["Wilson", "Taylor", "Evans", "Hughes", "Ó Briain", "Patel"],
    places: [
      { city: "London", province: "England", provinceCode: "ENG", zip: "EC1V 9HX", street: "10 Old Street" },
      { city: "Edinburgh", province: "Scotland", provinceCode: "SCT", zip: "EH1 1YZ", street: "2 Princes Street" },
      { city: "Manchester", province: "England", provinceCode: "ENG", zip: "M1 1AE", street: "1 Piccadilly" },
    ],
  },
  {
    code: "DE", name: "Germany", locale: "de", phonePrefix: "+4915550", weight: 9,
    firstNames: ["Zoë", "Jürgen", "Lena", "Maximilian", "Anneliese", "Jörg"],
    lastNames: ["Müller", "Schröder", "Weiß", "Groß", "Köhler", "Straßer"],
    places: [
      { city: "München", province: "Bavaria", provinceCode: "BY", zip: "80331", street: "Marienplatz 8" },
      { city: "Berlin", province: "Berlin", provinceCode: "BE", zip: "10117", street: "Friedrichstraße 43" },
      { city: "Köln", province: "North Rhine-Westphalia", provinceCode: "NW", zip: "50667", street: "Hohe Straße 12" },
    ],
  },
  {
    code: "FR", name: "France", locale: "fr", phonePrefix: "+33655", weight: 6,
    firstNames: ["Élodie", "Théo", "Anaïs", "Benoît", "Maëlle"],
    lastNames: ["Lefèvre", "Dubois", "Moreau", "Girard", "Faure"],
    places: [
      { city: "Lyon", province: null, provinceCode: null, zip: "69002", street: "12 Rue de la République" },
      { city: "Paris", province: null, provinceCode: null, zip: "75011", street: "48 Boulevard Voltaire" },
    ],
  },
  {
    code: "ES", name: "Spain", locale: "es", phonePrefix: "+34655", weight: 5,
    firstNames: ["José", "Lucía", "Íñigo", "Begoña", "Martín"],
    lastNames: ["Núñez", "García", "Muñoz", "Peña", "Ibáñez"],
    places: [
      { city: "Madrid", province: "Madrid", provinceCode: "M", zip: "28013", street: "Calle Mayor 5" },
      { city: "Barcelona", province: "Barcelona", provinceCode: "B", zip: "08002", street: "Carrer del Bisbe 3" },
    ],
  },
  {
    code: "SE", name: "Sweden", locale: "sv", phonePrefix: "+46705", weight: 3,
    firstNames: ["Åsa", "Björn", "Märta", "Sven"],
    lastNames: ["Lindström", "Åkesson", "Öberg", "Sjögren"],
    places: [{ city: "Göteborg", province: null, provinceCode: null, zip: "411 05", street: "Kungsgatan 14" }],
  },
  {
    code: "JP", name: "Japan", locale: "ja", phonePrefix: "+8190", weight: 4,
    firstNames: ["花子", "太郎", "結衣", "翔"],
    lastNames: ["佐藤", "鈴木", "高橋", "田中"],
    places: [{ city: "渋谷区", province: "Tōkyō", provinceCode: "JP-13", zip: "150-0002", street: "渋谷2-21-1" }],
  },
  {
    code: "CN", name: "China", locale: "zh-CN", phonePrefix: "+86138", weight: 3,
    firstNames: ["雷", "梅梅", "伟", "芳"],
    lastNames: ["李", "韩", "王", "张"],
    places: [{ city: "上海市", province: "Shanghai", provinceCode: "SH", zip: "200000", street: "南京东路 100 号" }],
  },
  {
    code: "AU", name: "Australia", locale: "en", phonePrefix: "+61455", weight: 4,
    firstNames: ["Charlotte", "Jack", "Mia", "Lachlan"],
    lastNames: ["Nguyen", "Kelly", "Walsh", "Thompson"],
    places: [{ city: "Melbourne", province: "Victoria", provinceCode: "VIC", zip: "3000", street: "200 Bourke St" }],
  },
  {
    code: "BR", name: "Brazil", locale: "pt-BR", phonePrefix: "+551198", weight: 2,
    firstNames: ["João", "Conceição", "Antônio"],
    lastNames: ["Gonçalves", "Araújo", "Magalhães"],
    places: [{ city: "São Paulo", province: "São Paulo", provinceCode: "SP", zip: "01310-100", street: "Avenida Paulista 1578" }],
  },
];

function emailLocalPart(first: string, last: string, index: number): string {
  const ascii = `${first}.${last}`.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z.]/g, "");
  return ascii.replace(/^\.+|\.+$/g, "").length > 1 ? `${ascii}${index}` : `customer${index}`;
}

/** Customer inputs for the seed; some have no email, some SMS consent, some no marketing at all. */
export function seedCustomers(random: Random, count: number): CreateCustomerInput[] {
  const weighted = COUNTRIES.map((country) => [country, country.weight] as const);
  return Array.from({ length: count }, (_, index) => {
    const country = random.weighted(weighted);
    const firstName = random.pick(country.firstNames);
    const lastName = random.pick(country.lastNames);
    const place = random.pick(country.places);
    const hasEmail = !random.chance(0.06);
    const phone = random.chance(0.55) ? `${country.phonePrefix}${random.digits(Math.max(4, 12 - country.phonePrefix.length))}` : null;
    return {
      firstName,
      lastName,
      email: hasEmail ? `${emailLocalPart(firstName, lastName, index)}@example.${country.code.toLowerCase() === "us" ? "com" : country.code.toLowerCase()}` : null,
      phone: phone ?? (hasEmail ? null : `${country.phonePrefix}${random.digits(Math.max(4, 12 - country.phonePrefix.length))}`),
      locale: country.code === "CA" && /[éèçô]/i.test(firstName + lastName) ? "fr" : country.locale,
      emailMarketing: hasEmail ? random.weighted([["subscribed", 45], ["not_subscribed", 45], ["unsubscribed", 10]] as const) : "not_subscribed",
      smsMarketing: phone ? random.weighted([["subscribed", 30], ["not_subscribed", 65], ["unsubscribed", 5]] as const) : "not_subscribed",
      address: {
        company: null,
        address1: place.street,
        address2: random.chance(0.2) ? `Apt ${random.int(1, 40)}` : null,
        city: place.city,
        province: place.province,
        provinceCode: place.provinceCode,
        country: country.name,
        countryCode: country.code,
        zip: place.zip,
        phone,
        latitude: null,
        longitude: null,
      },
    };
  });
}
