import { batches } from './batches';

describe('batches', () => {
  it('closes a batch at the item count or the weight, whichever comes first', () => {
    const sizes = [...batches([5, 5, 5, 1, 1, 1, 1, 20], 3, 12, (n) => n)].map((b) => b.join(','));
    expect(sizes).toEqual(['5,5', '5,1,1', '1,1', '20']);
  });
});
