import { useWorkbench } from './harness';

describe('SES view', () => {
  const wb = useWorkbench();

  it('shows the configured region in the SES Workbench tree', async () => {
    await wb.shot('tree-01-workbench');
    await wb.openSesView();
    await wb.treeItem(/us-east-1/).first().waitFor();
    await wb.shot('tree-02-regions');
  });
});
