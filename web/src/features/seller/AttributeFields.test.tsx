import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { SEGMENTS } from '../../test/render-with-api';
import { AttributeFields } from './AttributeFields';
import { parseAttributeSchema, type AttributeValues } from './attribute-schema';

const fieldsOf = (code: string) => parseAttributeSchema(SEGMENTS.find((s) => s.code === code)!.attributeSchema);

function Harness({ code, subsegment, errors = {} }: { code: string; subsegment: string | null; errors?: Record<string, string> }) {
  const [values, setValues] = useState<AttributeValues>({});
  return (
    <AttributeFields fields={fieldsOf(code)} subsegment={subsegment} values={values} errors={errors} onChange={(n, v) => setValues({ ...values, [n]: v })} />
  );
}

describe('<AttributeFields>', () => {
  it('renders one labelled input per field of the segment, typed by the schema', () => {
    render(<Harness code="AUTO_TEST_DRIVE" subsegment={null} />);
    expect(screen.getByRole('group', { name: 'Segment details' })).toBeTruthy();
    const brand = screen.getByLabelText(/^Brand/) as HTMLInputElement;
    const model = screen.getByLabelText(/^Model/) as HTMLInputElement;
    const date = screen.getByLabelText(/^Preferred date/) as HTMLInputElement;
    expect(brand.type).toBe('text');
    expect(brand.required).toBe(true);
    expect(brand.maxLength).toBe(40);
    expect(model.required).toBe(true);
    expect(date.type).toBe('date');
    expect(date.required).toBe(false);
    expect(brand.name).toBe('attributes.brand');
  });

  it('marks a field required only for the subsegments that need it', () => {
    const { rerender } = render(<Harness code="INSURANCE" subsegment="CASCO" />);
    const year = () => screen.getByLabelText(/^Vehicle year/) as HTMLInputElement;
    expect(year().required).toBe(true);
    expect(year().type).toBe('number');
    expect(year().min).toBe('1950');
    expect(year().step).toBe('1');
    expect((screen.getByLabelText(/^Coverage amount/) as HTMLInputElement).step).toBe('any');

    rerender(<Harness code="INSURANCE" subsegment="LIFE" />);
    // the vehicle fields apply to CASCO and OSAGO only: Insurance · Life does not ask for a vehicle
    expect(screen.queryByLabelText(/^Vehicle year/)).toBeNull();
    expect(screen.queryByLabelText(/^Vehicle make/)).toBeNull();
    expect(screen.getByLabelText(/^Coverage amount/)).toBeTruthy();
    // without a subsegment every field is asked, each optional unless the segment requires it
    rerender(<Harness code="INSURANCE" subsegment={null} />);
    expect(year().required).toBe(false);
  });

  it('shows enum values and yes/no for booleans as selects', () => {
    render(<Harness code="EDUCATION" subsegment="COURSE" />);
    const format = screen.getByLabelText(/^Format/) as HTMLSelectElement;
    expect(Array.from(format.options).map((o) => o.value)).toEqual(['', 'ONLINE', 'OFFLINE', 'BLENDED']);
    const certificate = screen.getByLabelText(/^Wants a certificate/) as HTMLSelectElement;
    expect(Array.from(certificate.options).map((o) => o.textContent)).toEqual(['— not given —', 'Yes', 'No']);
    fireEvent.change(format, { target: { value: 'BLENDED' } });
    expect(format.value).toBe('BLENDED');
  });

  it('renders nothing for a segment without attributes', () => {
    const { container } = render(<AttributeFields fields={[]} subsegment={null} values={{}} errors={{}} onChange={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows an error next to its input and marks it invalid', () => {
    render(<Harness code="AUTO_TEST_DRIVE" subsegment={null} errors={{ 'attributes.brand': 'Brand is required.' }} />);
    const brand = screen.getByLabelText(/^Brand/);
    expect(brand.getAttribute('aria-invalid')).toBe('true');
    const describedBy = brand.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)!.textContent).toBe('Brand is required.');
  });
});
