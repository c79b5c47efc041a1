// Plausible personal phone numbers per country for demo data, checked with libphonenumber.
import type { Faker } from '@faker-js/faker';
import { isValidPhoneNumber } from 'libphonenumber-js/max';

// a mobile prefix and how many random digits follow it
const MOBILE: Record<string, [prefix: string, digits: number][]> = {
  US: [
    ['+1415', 7],
    ['+1212', 7],
    ['+1312', 7],
    ['+1713', 7],
  ],
  GB: [
    ['+4474', 8],
    ['+4477', 8],
  ],
  DE: [
    ['+49151', 8],
    ['+49170', 8],
  ],
  FR: [
    ['+336', 8],
    ['+337', 8],
  ],
  ES: [['+346', 8]],
  RU: [
    ['+7916', 7],
    ['+7926', 7],
  ],
  VN: [
    ['+8490', 7],
    ['+8498', 7],
  ],
  HU: [
    ['+3620', 7],
    ['+3630', 7],
  ],
};

export function demoPhone(faker: Faker, country: string): string {
  const options = MOBILE[country] ?? MOBILE.US!;
  for (let attempt = 0; attempt < 50; attempt++) {
    const [prefix, digits] = faker.helpers.arrayElement(options);
    // the first digit after the prefix is 2–9 so US exchanges and the like stay valid
    const rest = String(faker.number.int({ min: 2, max: 9 })) + faker.string.numeric(digits - 1);
    const phone = prefix + rest;
    if (isValidPhoneNumber(phone)) return phone;
  }
  throw new Error(`could not make a valid demo phone for ${country}`);
}
