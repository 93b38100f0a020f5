import type { Catalog } from '../catalog.js';
import type { Locale } from '../negotiate.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pl } from './pl.js';
import { pt } from './pt.js';
import { tr } from './tr.js';

/** Every locale's catalog. The element bundles only English; the verifier serves the others. */
export const catalogs: Readonly<Record<Locale, Catalog>> = { en, de, fr, es, it, nl, pl, pt, tr, ar };
