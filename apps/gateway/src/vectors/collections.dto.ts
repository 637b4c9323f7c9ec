import { OmitType } from '@nestjs/swagger';
import { UpdateCollectionRequest } from '@aip/contracts';

/** The collection comes from the path. */
export class UpdateCollectionDto extends OmitType(UpdateCollectionRequest, ['name'] as const) {}
