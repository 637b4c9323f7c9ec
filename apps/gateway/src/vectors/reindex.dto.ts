import { IsString, MaxLength } from 'class-validator';

export class ReindexDto {
  /** The embedding model to re-embed every point's text with. */
  @IsString()
  @MaxLength(128)
  model!: string;
}
