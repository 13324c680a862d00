import { InputNumber, type InputNumberProps } from "antd";
import { groupThousands } from "../lib/format.ts";

/**
 * A number input that shows thousands grouped as they are typed ("5,970,640"). Ant Design's own parser
 * already drops the separators when it reads the number back.
 */
export function GroupedNumberInput(props: InputNumberProps<number>) {
  return <InputNumber<number> {...props} formatter={(value) => groupThousands(String(value ?? ""))} />;
}
