import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import {
  CreateCollectionRequest,
  ErrorCode,
  GenerateRequest,
  PlatformError,
  RagQueryRequest,
  UpdateCollectionRequest,
  type ErrorPayload,
} from '@aip/contracts';
import { createValidationPipe } from './validation.pipe';

class Paging {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit!: number;
}

class Search {
  @IsString()
  text!: string;

  @IsOptional()
  @IsBoolean()
  exact?: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => Paging)
  paging?: Paging;
}

const pipe = createValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'body',
  metatype,
});

/** What the caller is told when `value` is refused; fails when it is accepted. */
async function refusal(value: unknown, metadata: ArgumentMetadata): Promise<ErrorPayload> {
  try {
    await pipe.transform(value, metadata);
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformError);
    return (error as PlatformError).toPayload();
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('validation pipe: JSON values keep their types', () => {
  it('refuses booleans and strings where the contracts take numbers', async () => {
    const collection = await refusal({ name: 'docs', size: true }, body(CreateCollectionRequest));
    expect(collection.code).toBe(ErrorCode.ValidationFailed);
    expect(collection.message).toContain('size');
    expect(
      (await refusal({ name: 'docs', size: '8' }, body(CreateCollectionRequest))).message,
    ).toContain('size');
    const rag = await refusal(
      { question: 'why?', collection: 'docs', top_k: true },
      body(RagQueryRequest),
    );
    expect(rag.message).toContain('top_k');
    const generation = await refusal({ prompt: 'hi', max_tokens: true }, body(GenerateRequest));
    expect(generation.message).toContain('max_tokens');
  });

  it('refuses numbers and booleans where strings go, and strings where booleans go', async () => {
    expect((await refusal({ prompt: 42 }, body(GenerateRequest))).message).toContain('prompt');
    expect((await refusal({ text: true }, body(Search))).message).toContain('text');
    expect((await refusal({ text: 'a', exact: 'true' }, body(Search))).message).toContain('exact');
  });

  it('refuses what a @Type(() => Number) would convert, naming the field and both kinds', async () => {
    const refused = await refusal({ text: 'a', paging: { limit: true } }, body(Search));
    expect(refused).toEqual({
      code: ErrorCode.ValidationFailed,
      message: 'paging.limit must be a number, not a boolean',
      details: {
        problems: [
          { field: 'paging.limit', problem: 'paging.limit must be a number, not a boolean' },
        ],
      },
    });
    expect((await refusal({ text: 'a', paging: { limit: '10' } }, body(Search))).message).toBe(
      'paging.limit must be a number, not a string',
    );
  });

  it('is as strict with a NATS payload as with an HTTP body', async () => {
    const payload = { type: 3 as unknown as ArgumentMetadata['type'], metatype: Search };
    expect((await refusal({ text: 'a', paging: { limit: '3' } }, payload)).message).toBe(
      'paging.limit must be a number, not a string',
    );
  });

  it('still builds nested classes and validates inside them', async () => {
    const accepted = await pipe.transform(
      { text: 'a', exact: false, paging: { limit: 3 } },
      body(Search),
    );
    expect(accepted).toBeInstanceOf(Search);
    expect((accepted as Search).paging).toBeInstanceOf(Paging);
    expect(accepted).toEqual({ text: 'a', exact: false, paging: { limit: 3 } });
    expect((await refusal({ text: 'a', paging: { limit: 0 } }, body(Search))).message).toContain(
      'limit must not be less than 1',
    );
    const update = await refusal(
      { name: 'docs', hnsw_config: { m: true } },
      body(UpdateCollectionRequest),
    );
    expect(update.message).toContain('m must be an integer');
  });

  it('turns query-string text into the numbers a query class asks for', async () => {
    const query: ArgumentMetadata = { type: 'query', metatype: Paging };
    expect(await pipe.transform({ limit: '10' }, query)).toEqual({ limit: 10 });
    expect((await refusal({ limit: 'ten' }, query)).message).toContain('limit');
  });
});
