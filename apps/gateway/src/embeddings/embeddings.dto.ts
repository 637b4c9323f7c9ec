import { EmbedRequest } from '@aip/contracts';

/** The body of `POST /api/v1/embed` is the embedding contract itself. */
export class EmbedTextsDto extends EmbedRequest {}
